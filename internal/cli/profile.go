package cli

import (
	"os"
	"runtime/pprof"
)

// cpuProfile writes a CPU profile of the build to file when it is not
// empty (PLANSITE_CPUPROFILE, read by make bench -profile): the figures of
// the Speed section are argued from it. stop ends the profile.
func cpuProfile(file string) (stop func(), err error) {
	if file == "" {
		return func() {}, nil
	}
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

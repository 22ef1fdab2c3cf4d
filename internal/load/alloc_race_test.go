//go:build race

package load

// allocFactor is larger under the race detector, which turns off the
// compiler's rewrite of io.ReadAll's append([]byte(nil), make([]byte,
// n)...) into one allocation: each of its buffers is allocated twice, and
// reading a table that says it is smaller than it is allocates four times
// its size.
const allocFactor = 5

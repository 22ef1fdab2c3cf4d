//go:build !race

package load

// allocFactor bounds what reading a table too large may allocate, in
// tables of the largest size read: io.ReadAll, reading a file that said it
// was smaller, allocates about twice what it holds.
const allocFactor = 3

#!/usr/bin/env python3
"""Write a generated Go file of about SIZE megabytes to stdout: repeated
small functions, each making a channel and starting a goroutine (the shape
that passes leakfix's prefilter), for measuring how leakfix's cost grows.

  usage: scripts/gen-large.py SIZE_MB leaking|clean [> FILE.go]

leaking: each function returns early before receiving (premature-return,
         one finding and one fix per function).
clean:   each function receives before it can return (no finding).
"""
import sys

LEAKING = """
func work{i}(fail bool) (int, error) {{
	c := make(chan int)
	go func() {{
		c <- {i}
	}}()
	if fail {{
		return 0, errors.New("fail")
	}}
	return <-c, nil
}}
"""

CLEAN = """
func work{i}(fail bool) (int, error) {{
	c := make(chan int)
	go func() {{
		c <- {i}
	}}()
	v := <-c
	if fail {{
		return 0, errors.New("fail")
	}}
	return v, nil
}}
"""


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[2] not in ("leaking", "clean"):
        sys.exit(__doc__)
    size = float(sys.argv[1]) * 1_000_000
    body = LEAKING if sys.argv[2] == "leaking" else CLEAN
    out = sys.stdout
    written = out.write('package big\n\nimport "errors"\n')
    i = 0
    while written < size:
        written += out.write(body.format(i=i))
        i += 1
    print(f"{i} functions, {written} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write a generated Go file of about SIZE megabytes to stdout: repeated
small functions, each making a channel and starting a goroutine (the shape
that passes leakfix's prefilter), for measuring how leakfix's cost grows.

  usage: scripts/gen-large.py SIZE_MB leaking|clean|stopless [> FILE.go]

leaking:  each function returns early before receiving (premature-return,
          one finding and one fix per function).
clean:    each function receives before it can return (no finding).
stopless: each a type whose Start starts a goroutine only Stop ends, and a
          function starting one and never stopping it (missing-stop, one
          finding without a default fix each: what makes the text output
          and the type lookups grow).
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

STOPLESS = """
type w{i} struct {{
	done chan struct{{}}
}}

func (w *w{i}) Start() {{
	go func() {{
		for {{
			select {{
			case <-w.done:
				return
			}}
		}}
	}}()
}}

func (w *w{i}) Stop() {{
	close(w.done)
}}

func use{i}() {{
	w := &w{i}{{done: make(chan struct{{}})}}
	w.Start()
}}
"""

SHAPES = {"leaking": LEAKING, "clean": CLEAN, "stopless": STOPLESS}


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[2] not in SHAPES:
        sys.exit(__doc__)
    size = float(sys.argv[1]) * 1_000_000
    body = SHAPES[sys.argv[2]]
    out = sys.stdout
    header = "package big\n" if body is STOPLESS else 'package big\n\nimport "errors"\n'
    written = out.write(header)
    i = 0
    while written < size:
        written += out.write(body.format(i=i))
        i += 1
    print(f"{i} functions, {written} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()

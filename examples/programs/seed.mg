# The seed notebook's graph: L = (a*b + c) * f, after backward.
# mgviz render -f examples/programs/seed.mg -o L.svg
a = 2
b = -3
c = 10
f = -2
e = a*b
d = e + c
L = d*f

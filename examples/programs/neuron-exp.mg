# The lecture's neuron with tanh spelled out through exp:
#   tanh(n) = (e^(2n) - 1) / (e^(2n) + 1)
# The leaves get the same gradients as with tanh (x1 -1.5, w1 1, x2 0.5, w2 0, b 0.5).
#
# Draw all of it, or only the part up to the pre-activation n:
#   mgviz render -f examples/programs/neuron-exp.mg -o o.svg
#   mgviz render -f examples/programs/neuron-exp.mg --root n -o n.svg
x1 = 2
x2 = 0
w1 = -3
w2 = 1
b = 6.8813735870195432    # makes n = 0.8814
n = x1*w1 + x2*w2 + b
e = exp(2*n)              # e^(2n) = 5.8284
o = (e - 1) / (e + 1)     # 0.7071

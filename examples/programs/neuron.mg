# The lecture's neuron: two inputs, two weights, a bias, tanh.
# The bias is chosen so that n = 0.8814 and o = tanh(n) = 0.7071.
x1 = 2
x2 = 0
w1 = -3
w2 = 1
b = 6.8813735870195432
x1w1 = x1*w1
x2w2 = x2*w2
x1w1x2w2 = x1w1 + x2w2
n = x1w1x2w2 + b
o = tanh(n)

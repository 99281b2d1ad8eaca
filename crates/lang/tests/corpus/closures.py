def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(1), make_adder(10)(1))
# ---
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
c()
c()
print(c())
# ---
def outer():
    x = 'outer'
    def inner():
        return x
    x = 'changed'
    return inner()
print(outer())
# ---
def make():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    return add
a = make()
b = make()
a(1)
a(2)
print(a(3), b(1))
# ---
def f():
    y = 5
    return [y * i for i in range(3)]
print(f())
# ---
def f():
    def g():
        return h()
    def h():
        return 'h'
    return g()
print(f())
# ---
def outer():
    x = 1
    def inner():
        x = 2
        return x
    return inner(), x
print(outer())
# ---
def make_multipliers():
    return [lambda x, k=k: x * k for k in (1, 2, 3)]
print([m(2) for m in make_multipliers()])
# ---
total = 100
def report():
    def inner():
        return total
    return inner()
print(report())
# ---
def f():
    v = 1
    def g():
        v += 1
        return v
    return g()
f()

def add(a, b):
    return a + b
print(add(2, 3), add('x', 'y'), add(b=1, a=2))
# ---
def greet(name, greeting='Hello'):
    return greeting + ', ' + name
print(greet('Ann'), greet('Bob', 'Hi'), greet(greeting='Yo', name='Cy'))
# ---
def f():
    pass
print(f())
# ---
def f(x):
    if x > 0:
        return 'pos'
    elif x < 0:
        return 'neg'
    return 'zero'
print(f(5), f(-1), f(0))
# ---
def total(*args):
    return sum(args)
print(total(), total(1, 2, 3))
# ---
def info(**kwargs):
    return sorted(kwargs.items())
print(info(b=2, a=1))
# ---
def f(a, *rest, **kw):
    return (a, rest, kw)
print(f(1, 2, 3, x=4))
# ---
def f(a, b, c):
    return a * 100 + b * 10 + c
args = [1, 2, 3]
print(f(*args), f(*[1, 2], 3), f(**{'a': 1, 'b': 2, 'c': 3}), f(1, *(2,), **{'c': 5}))
# ---
def f(a, b):
    return a
f(1)
# ---
def f(a):
    return a
f(1, 2)
# ---
def f(a):
    return a
f(b=1)
# ---
def f(a):
    return a
f(1, a=2)
# ---
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(20))
# ---
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
# ---
def f(x, items=[]):
    items.append(x)
    return items
print(f(1), f(2))
# ---
def swap(a, b):
    return b, a
x, y = swap(1, 2)
print(x, y, swap('p', 'q'))
# ---
def outer():
    def inner():
        return 'inner'
    return inner() + '!'
print(outer())
# ---
def apply(fn, value):
    return fn(value)
print(apply(len, 'abc'), apply(str.upper, 'abc'), apply(lambda v: v * 2, 4))
# ---
x = 10
def f():
    return x + 1
print(f())
# ---
x = 10
def f():
    x = 20
    return x
print(f(), x)
# ---
count = 0
def incr():
    global count
    count += 1
incr()
incr()
print(count)
# ---
x = 1
def f():
    print(x)
    x = 2
f()
# ---
def f(a, b=2, *args, c=3, **kw):
    return [a, b, args, c, kw]
print(f(1), f(1, 5, 6, 7, c=8, d=9))
# ---
def f(*, key):
    return key
print(f(key=1))
f(1)
# ---
def f():
    return
print(f(), f() is None)
# ---
def describe(person):
    name = person.get('name', 'someone')
    age = person.get('age')
    if age is None:
        return name + ' (age unknown)'
    return '%s, %d' % (name, age)
print(describe({'name': 'Ann', 'age': 30}), describe({}))
# ---
def f(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(f(10), f(2))
# ---
def f(x):
    """Docstring here."""
    return x
print(f(3))
# ---
print(len(5))
# ---
print(callable(len), callable(5), callable(lambda: 1))
# ---
def f(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(f(1), f(2), f(3, [0]))
# ---
f = print
f('via alias', 1, sep='|', end='!\n')
# ---
print('a', 'b', sep='')
print('c', end='')
print('d')
print()
print('x', 'y', sep=', ', end='.\n')

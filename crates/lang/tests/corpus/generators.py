calls = []
def check(v):
    calls.append(v)
    return v > 1
print(any(check(v) for v in [0, 2, 5]), calls)
print(any(True for _ in range(10**12)))
print(next(x for x in range(10**12) if x > 5))
g = (x * y for x in range(3) for y in range(x))
print(list(g), list(g))
g = (i for i in range(5))
for a in g:
    if a == 2:
        break
print(list(g), sum(x for x in range(10)), ' '.join(str(c) for c in 'abc'), sorted(x for x in [3,1,2]))
def f(n):
    return max(i for i in range(n) if i % 2)
print(f(10), min(x for x in [4,2,8]), tuple(x for x in 'ab'), all(x < 3 for x in range(10**12)))
x = 10
print([x for x in range(3)], x)
gg = (y for y in range(3))
print(next(gg), next(gg), next(gg), next(gg, 'done'))
# ---
g = (next(g) for _ in range(3))
next(g)
# ---
g = (1 // x for x in [1, 0, 2])
print(next(g))
try:
    next(g)
except ZeroDivisionError:
    print('zde')
print(list(g), next(g, 'end'))
# ---
def mk():
    n = 1
    g = (x + n for x in range(3))
    n = 10
    return list(g)
print(mk())
try:
    g = (x for x in 5)
except TypeError:
    print('te')
# ---
lst = [1, 2]
g = (v * 10 for v in lst)
lst.append(3)
print(list(g), [a for a in (b for b in (c for c in range(4)) if b % 2)])
print(list(zip((i for i in range(3)), 'ab')), dict((k, k * 2) for k in 'xy'), set(i % 2 for i in range(5)))
print(list(enumerate(c for c in 'hi')), 3 in (i for i in range(5)), sum((i for i in range(4)), 10))
# ---
class P:
    def __init__(self, xs):
        self.xs = xs
    def big(self):
        return [x for x in self.xs if any(x > y for y in self.xs)]
    def first(self):
        return next((x for x in self.xs if x > 1), None)
p = P([1, 2, 3])
print(p.big(), p.first(), next((x for x in [] if x), 'none'))
# ---
g = (i for i in range(5))
print(2 in g, list(g), 9 in g)
it = iter([1, 2, 3, 4])
print(2 in it, list(it))

class Person:
    def __init__(self, name, age=0):
        self.name = name
        self.age = age
    def greet(self):
        return 'Hi, ' + self.name
p = Person('Ann', 30)
print(p.name, p.age, p.greet(), Person('Bob').age)
# ---
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self
c = Counter()
c.inc().inc(5)
print(c.n)
# ---
class Animal:
    sound = 'generic'
    def speak(self):
        return self.sound
class Dog(Animal):
    sound = 'woof'
print(Animal().speak(), Dog().speak(), isinstance(Dog(), Animal), isinstance(Animal(), Dog))
# ---
class Thing:
    pass
t = Thing()
t.color = 'red'
t.size = 3
print(t.color, t.size)
# ---
class Thing:
    pass
t = Thing()
print(t.color)
# ---
class Money:
    def __init__(self, amount):
        self.amount = amount
    def __str__(self):
        return '$%.2f' % self.amount
m = Money(5)
print(str(m), m, 'cost: ' + str(m), f'{m}')
# ---
class Base:
    def __init__(self, x):
        self.x = x
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
c = Child(1, 2)
print(c.x, c.y)
# ---
class Shape:
    def area(self):
        return 0
    def describe(self):
        return 'area=' + str(self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Square(3).describe(), Shape().describe())
# ---
class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []
    def total(self):
        return self.value + sum(c.total() for c in self.children)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree.total())
# ---
class A:
    count = 0
    def __init__(self):
        A.count += 1
A()
A()
print(A.count)
# ---
class Pt:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return 'Pt(%r)' % self.x
print([Pt(1), Pt('a')], repr(Pt(2)))
# ---
class Person:
    def __init__(self, first, last):
        self.first = first
        self.last = last
    def full(self):
        return self.first + ' ' + self.last
people = [Person('Ann', 'Lee'), Person('Bob', 'Ray')]
print(', '.join(p.full() for p in sorted(people, key=lambda p: p.last)))
# ---
class C:
    def m(self):
        return 1
C().m(2)
# ---
class Name:
    pass
class Individual:
    def __init__(self):
        self.name = Name()
user = Individual()
user.name.first = 'Harry'
user.name.last = 'Potter'
print(user.name.first, user.name.last)
# ---
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
print(V(1) == V(1), V(1) == V(2), V(1) != V(2))
# ---
class Holder:
    items = None
h = Holder()
print(h.items is None, hasattr(h, 'items'), hasattr(h, 'other'))
# ---
class T:
    def __init__(self):
        self.a = 1
t = T()
print(getattr(t, 'a'), getattr(t, 'b', 'dflt'))
setattr(t, 'b', 2)
print(t.b)
# ---
class Box:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
    def __len__(self):
        return len(self.items)
b = Box()
b.add(1)
b.add(2)
print(len(b), b.items)

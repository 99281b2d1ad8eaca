print('start')
print(favorite_fruit)
# ---
class O:
    pass
user = O()
user.name = O()
user.name.first = 'Ann'
print(user.name.first)
print(user.name.last)
# ---
fruit = ['apple']
print(fruit[0])
print(fruit[1])
# ---
prices = {'pear': 1}
print(prices['pear'])
print(prices['apple'])
# ---
class O:
    pass
people = [O()]
people[0].name = O()
i = 0
print(people[i].name.first)
# ---
x = 1
if x > 5:
    y = 2
print(y)
# ---
try:
    print(not_defined_yet)
except NameError:
    print('caught NameError')
# ---
d = {}
try:
    d['k']
except KeyError:
    print('caught KeyError')
# ---
class O:
    pass
o = O()
try:
    o.attr
except AttributeError:
    print('caught AttributeError')
print(hasattr(o, 'attr'))
# ---
lst = []
try:
    lst[3]
except IndexError:
    print('caught IndexError')
# ---
counter = counter + 1

for v in [0, 1, -1, 0.0, 0.1, '', 'a', ' ', [], [0], {}, {'a': 0}, (), (0,), None, True, False, set(), {0}]:
    print(repr(v), bool(v))
# ---
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'default', '' or [] or 0)
# ---
print(not 0, not 'x', not [], not not 5)
# ---
name = ''
print(name or 'Anonymous', (name and name.upper()) or 'none')
# ---
x = None
if x is None:
    print('x is None')
if not x:
    print('x is falsy')
if x == None:
    print('x == None')
# ---
one = 1
print(None is None, one is not None, [] == [], None == 0, None == False)
# ---
a = [1]
b = a
print(a is b, a is [1], a == [1])
# ---
print(True == 1, False == 0, True is True, True + 0, bool('False'))
# ---
print(1 if [] else 2, 'y' if 'n' else 'n')
# ---
print(True and 'last', False or 0.0, [] and 1)
# ---
def check(v):
    return 'yes' if v else 'no'
print([check(v) for v in ['', 'x', 0, 5, None]])
# ---
x = 5
print(0 < x < 10, 0 < x > 10, x == 5 or x == 6, not x == 5)
# ---
print(bool(), bool(None), bool(0j) if False else bool(0.0), str(bool(1)))
# ---
user_agrees = True
has_children = False
print(user_agrees and not has_children, user_agrees or has_children)
# ---
print(True > False, max(True, 2), sum([True, True, False]))

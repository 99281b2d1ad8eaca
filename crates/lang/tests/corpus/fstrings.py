name = 'Ann'
age = 30
print(f'{name} is {age} years old')
# ---
x = 3.14159
print(f'{x:.2f} {x:.0f} {x:10.3f}| {x:<10.1f}| {x:e}')
# ---
n = 1234567.891
print(f'{n:,.2f} {n:,} {int(n):,} {n:_.1f}')
# ---
v = 42
print(f'{v:5d}|{v:<5d}|{v:^5d}|{v:05d}|{v:+d}|{v:x}|{v:X}|{v:o}|{v:b}')
# ---
s = 'hi'
print(f'[{s:>6}] [{s:<6}] [{s:^6}] [{s:*^7}]')
# ---
print(f'{"quoted"!r} {"x"!s} {3!r}')
# ---
items = ['a', 'b']
print(f'{len(items)} items: {", ".join(items)}')
# ---
d = {'k': 5}
print(f"value={d['k']} twice={d['k'] * 2}")
# ---
print(f'{{literal}} {1 + 1}')
# ---
pct = 0.256
print(f'{pct:.1%} {pct:%}')
# ---
w = 8
p = 3
print(f'{3.14159:{w}.{p}f}|')
# ---
print(f'{None} {True} {[1, 2]} {(1, "a")} {{"a": 1}}')
# ---
amount = 1500
print(f'${amount:,.2f}')
# ---
x = 5
print(f'{x if x > 3 else -x} {"big" if x > 10 else "small"}')
# ---
print(f'{1:>{5}}|{"ab":{"<"}{4}}|')
# ---
print(f'{12.0:g} {0.00001234:g} {123456789.0:g} {1.5:.3g}')
# ---
print(f'{-7:05d} {7:+.2f} {-0.5:.0f} {2.5:.0f} {3.5:.0f}')
# ---
print(f'{"abc":.2} {"abcdef":>8.3}|')
# ---
name = 'bob'
print(f'{name.upper()} {name.title()!r}')
# ---
print(f'{3:s}')
# ---
print(f'{"x":d}')
# ---
def greet(n):
    return f'Hello, {n}!'
print(greet('you'))
# ---
print(f'{1e20:.2f} {1/3:.15f} {2/3:.3}')
# ---
price = 19.999
print(f'Price: {price:8.2f} / {price:<8.2f}/ {round(price, 2)}')
# ---
rows = [('apple', 1.5), ('kiwi', 12.25)]
for n, p in rows:
    print(f'{n:<8}{p:>8.2f}')

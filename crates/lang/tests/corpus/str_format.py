print('{} and {}'.format('a', 'b'), '{1} {0} {1}'.format('x', 'y'))
# ---
print('{name} is {age}'.format(name='Ann', age=3))
# ---
print('{:.2f} {:>6} {:<4}| {:^7}|'.format(3.14159, 'r', 'l', 'c'))
# ---
print('{:,}'.format(1234567), '{:,.2f}'.format(9876.5), '{:08.3f}'.format(-3.5))
# ---
print('{0[0]} {0[1]} {1[k]}'.format(['a', 'b'], {'k': 'v'}))
# ---
print('{!r} {!s}'.format('q', 'q'))
# ---
print('{{}} {}'.format(1))
# ---
print('{} {}'.format(1))
# ---
print('{x}'.format(y=1))
# ---
print(format(3.14159, '.3f'), format(42, '05d'), format('ab', '>4'), format(1234.5, ',.1f'))
# ---
print(format(7), format(None), format(0.5, '%'))
# ---
t = '{:>10}|{:>10}'
print(t.format('Item', 'Cost'))
print(t.format('Widget', '$%.2f' % 4.5))
# ---
args = ['a', 'b']
kw = {'sep': '-'}
print('{0}{sep}{1}'.format(*args, **kw))
# ---
print('{:d}'.format(3.5))
# ---
print('{:s}|{:5}|{:<5}|'.format('s', 42, 42))
# ---
print('{:+.1e} {:g} {:.2%}'.format(12345.6789, 1e-7, 0.12345))

print('%s is %d years' % ('Ann', 30))
# ---
print('%.2f' % 3.14159, '%5.1f|' % 2.25, '%-6.2f|' % 1.0, '%06.2f' % 3.14159)
# ---
print('%d %i %5d| %-5d| %05d %+d' % (42, 7, 3, 3, 3, 3))
# ---
print('%x %X %o %e %E' % (255, 255, 8, 12345.678, 0.00012))
# ---
print('%r %s' % ('a', 'a'))
# ---
print('%s' % [1, 2], '%s' % ((1, 2),), '%s' % None)
# ---
print('%.0f%%' % (0.8734 * 100.0))
# ---
monthly_income = 2500.5
print('%.2f' % monthly_income)
# ---
print('%(name)s owes %(amt).2f' % {'name': 'Bob', 'amt': 12.5})
# ---
print('%s and %s' % ('one',))
# ---
print('%d' % 'x')
# ---
print('%d' % 3.99, '%s' % 3.99, '%.1f' % 3)
# ---
print('%c%c' % (72, 'i'), '%5s|%-5s|' % ('ab', 'cd'))
# ---
print('%s' % 'x', 'no args' % ())
# ---
print('abc' % 5)
# ---
print('%.3s|%10.2s|' % ('abcdef', 'xyz'))
# ---
print('%g %g %g' % (0.0001, 1234567.0, 100.0))
# ---
print('%s (%f)' % ('cat', 0.5))
# ---
print('%*d|' % (5, 42))
# ---
print('%i%%' % 50, '100%%' % ())
# ---
print("%s's" % "Ann", '%3d.' % 1)

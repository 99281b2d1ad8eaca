import re
print(re.sub(r'\s+', ' ', 'a   b \t c'), re.sub('[aeiou]', '', 'docassemble'))
# ---
import re
m = re.match(r'(\d+)-(\d+)', '123-456 rest')
print(m.group(0), m.group(1), m.group(2), m.groups())
# ---
import re
print(re.match(r'\d+', 'abc'), bool(re.search(r'\d', 'ab3c')), re.search(r'b+', 'abbbc').group())
# ---
import re
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)=(\d)', 'a=1,b=2'))
# ---
import re
print(re.split(r'[,;]\s*', 'a, b;c'), re.split(r'\s', 'x y'))
# ---
import re
phone = '(555) 123-4567'
digits = re.sub(r'[^0-9]', '', phone)
print(digits, len(digits) == 10)
# ---
import re
print(bool(re.fullmatch(r'[A-Z]{2}\d{3}', 'AB123')), bool(re.fullmatch(r'[A-Z]{2}\d{3}', 'AB1234')))
# ---
import re
email = 'user@example.com'
print(bool(re.match(r'^[^@\s]+@[^@\s]+\.[a-z]+$', email)), bool(re.match(r'^[^@\s]+@[^@\s]+\.[a-z]+$', 'bad@')))
# ---
import re
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@site'), re.sub(r'x', 'y', 'xxx', count=2))
# ---
import re
print(re.search(r'(?P<year>\d{4})', 'in 2024 we').group('year'), re.IGNORECASE is not None)
# ---
import re
print(re.findall(r'cat', 'Cat CAT cat', re.IGNORECASE), re.match('a.c', 'A\nC', re.I | re.S) is not None)
# ---
import re
pat = re.compile(r'^\d{5}(-\d{4})?$')
print([bool(pat.match(z)) for z in ['12345', '12345-6789', '1234']])
# ---
import re
m = re.search(r'(\d+)', 'no digits')
print(m.group(1))
# ---
import re
re.compile('(unclosed')
# ---
import re
print(re.escape('a.b*c'), re.sub(r'\.', '!', 'a.b.c'))

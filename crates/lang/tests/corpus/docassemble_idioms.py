def currency(value, decimals=True):
    if decimals:
        return '$' + '{:,.2f}'.format(value)
    return '$' + '{:,.0f}'.format(value)
print(currency(1234.5), currency(1234.5, decimals=False), currency(0))
# ---
income = [{'source': 'job', 'amount': 2500, 'period': 12}, {'source': 'rent', 'amount': 400, 'period': 12}]
total = 0
for item in income:
    total += item['amount'] * item['period']
print('Annual income: $' + format(total, ',.2f'))
# ---
a = 4
b = 5
if b > a:
    b = 62
    answer = 20 + b
else:
    answer = 40 + b
b = 0
print(answer, b)
# ---
jurisdiction_state = 'Pennsylvania'
if jurisdiction_state == 'Pennsylvania':
    statute_of_limitations_years = 5
else:
    statute_of_limitations_years = 2
print(statute_of_limitations_years)
# ---
choices_should_be_empty = False
if choices_should_be_empty:
    the_doors = []
else:
    the_doors = ['Door Number 1', 'Door Number 2']
print(len(the_doors), the_doors[-1])
# ---
pet_types = [
  'dog', 'cat', 'goldfish',
  'turtle', 'lizard', 'rabbit']
print(', '.join(pet_types[:-1]) + ', and ' + pet_types[-1])
# ---
def comma_and_list(items):
    items = [str(i) for i in items]
    if len(items) == 0:
        return ''
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return items[0] + ' and ' + items[1]
    return ', '.join(items[:-1]) + ', and ' + items[-1]
print(comma_and_list([]), '|', comma_and_list(['a']), '|', comma_and_list(['a', 'b']), '|', comma_and_list(['a', 'b', 'c']))
# ---
fruit_summary = ''
records = {'1': 'apple', '2': 'pear'}
for id in records:
    fruit_summary += '* ' + str(records[id]) + '\n'
print(fruit_summary, end='')
# ---
counter = 3
msg = 'Cron hourly was called.  Counter is ' + str(counter) + '.'
print(msg)
# ---
likes = {'apple': True, 'pear': False, 'plum': True}
print([k for k, v in likes.items() if v])
# ---
def ordinal(i):
    return ['first', 'second', 'third', 'fourth', 'fifth'][i]
for i in range(3):
    print('What is the ' + ordinal(i) + ' item?')
# ---
def noun_plural(word, count=2):
    if count == 1:
        return word
    if word.endswith('y') and word[-2] not in 'aeiou':
        return word[:-1] + 'ies'
    if word.endswith(('s', 'x', 'ch', 'sh')):
        return word + 'es'
    return word + 's'
print([noun_plural(w) for w in ['cherry', 'box', 'peach', 'apple', 'day']], noun_plural('cat', 1))
# ---
def quantity_noun(n, word):
    return str(n) + ' ' + (word if n == 1 else word + 's')
print(quantity_noun(1, 'apple'), quantity_noun(3, 'finger'))
# ---
assets = {'house': 250000, 'car': 12000.5}
for item in assets:
    print('%s: $%s' % (item, '{:,.2f}'.format(assets[item])))
# ---
user = {'first': 'John', 'middle': '', 'last': 'Smith'}
parts = [user[p] for p in ('first', 'middle', 'last') if user[p]]
print(' '.join(parts))
# ---
case_type = 'civil'
court = {'case_types_heard': ['civil', 'family'], 'dispute_minimum': 500}
amount_in_dispute = 1000
if case_type in court['case_types_heard'] and amount_in_dispute > court['dispute_minimum']:
    jurisdiction = True
else:
    jurisdiction = False
print(jurisdiction)
# ---
space_to_underscore = lambda s: s.replace(' ', '_')
print(space_to_underscore('Cook County'))
# ---
def indefinite_article(word):
    return ('an ' if word[0].lower() in 'aeiou' else 'a ') + word
print(indefinite_article('apple'), indefinite_article('Pear'))
# ---
income_amount = 1500.0
income_period = 12
print('%.2f' % (income_amount * income_period), int(income_amount * income_period))
# ---
answers = {'q1': 'yes', 'q2': 'no', 'q3': 'yes'}
score = sum(1 for a in answers.values() if a == 'yes')
print('Score: %d/%d' % (score, len(answers)))
# ---
children = [{'name': 'A', 'age': 3}, {'name': 'B', 'age': 17}, {'name': 'C', 'age': 19}]
minors = [c['name'] for c in children if c['age'] < 18]
print('Minors: ' + (', '.join(minors) if minors else 'none'))
# ---
monthly = [100, 200.5, 0, 42]
print('Average: {:.2f}'.format(sum(monthly) / len(monthly)), 'Max: ' + str(max(monthly)))
# ---
toads, frogs = 15, 15
while toads > 10 and frogs > 10:
    toads -= 3
    frogs -= 1
print(toads, frogs)
# ---
status = None
for s in ['pending', 'approved']:
    status = s
print(status.upper() if status else 'NONE')
# ---
signers = ['Ann', 'Bob']
lines = []
for i, s in enumerate(signers):
    lines.append('%d. %s: ____________' % (i + 1, s))
print('\n'.join(lines))
# ---
salary = '50000'
print(int(salary) * 1.05, float(salary) / 12)
# ---
x = {'company_name': 'Acme'}
print('Welcome to ' + x.get('company_name', 'our company') + '.')
# ---
debts = [{'creditor': 'Bank', 'amt': 1000}, {'creditor': 'Card', 'amt': 250.75}]
print(currency_total if False else 'Total debt: ${:,.2f}'.format(sum(d['amt'] for d in debts)))
# ---
field_list = [{'variable': 'user_name'}, {'variable': 'user_age'}]
print(field_list[0]['variable'], [f['variable'].split('_')[1] for f in field_list])
# ---
age = 17
eligible = age >= 18 and 'yes' or 'no'
print(eligible)

import datetime
d = datetime.date(2024, 1, 31)
print(d, d.year, d.month, d.day, repr(d))
# ---
import datetime
d = datetime.date(2024, 1, 31) + datetime.timedelta(days=1)
print(d, d + datetime.timedelta(days=29), d - datetime.timedelta(days=60))
# ---
from datetime import date
a = date(2024, 3, 1)
b = date(2023, 3, 1)
delta = a - b
print(delta.days, delta, (a - b).days // 7)
# ---
from datetime import date
d = date(2024, 7, 4)
print(d.strftime('%m/%d/%Y'), d.strftime('%B %d, %Y'), d.strftime('%A %b %-d' if False else '%A %b %d'), d.strftime('%Y-%m-%d'))
# ---
from datetime import date
print(date(2024, 1, 1).weekday(), date(2024, 1, 1).isoweekday(), date(2024, 12, 25).isoformat())
# ---
from datetime import date
print(date(2024, 1, 1) < date(2024, 1, 2), date(2024, 1, 1) == date(2024, 1, 1), max(date(2020, 5, 1), date(2021, 1, 1)))
# ---
from datetime import datetime
dt = datetime(2024, 5, 17, 14, 30, 5)
print(dt, dt.hour, dt.minute, dt.second, dt.date())
# ---
from datetime import datetime
dt = datetime(2024, 5, 17, 14, 30)
print(dt.strftime('%H:%M %p'), dt.strftime('%I:%M %p'), dt.strftime('%d/%m/%y %H:%M:%S'))
# ---
from datetime import datetime, timedelta
dt = datetime(2024, 2, 28, 23, 0)
print(dt + timedelta(hours=2), dt - timedelta(minutes=90), dt + timedelta(weeks=1))
# ---
from datetime import timedelta
t = timedelta(days=1, hours=3, minutes=4)
print(t, t.days, t.seconds, t.total_seconds())
# ---
from datetime import date
print(date(2024, 2, 30))
# ---
from datetime import datetime
print(datetime.strptime('2024-03-05', '%Y-%m-%d'), datetime.strptime('03/05/2024', '%m/%d/%Y').date())
# ---
from datetime import date
print(date.fromisoformat('2021-06-15'), date(2021, 6, 15).replace(year=2022))
# ---
from datetime import date
birth = date(1990, 6, 15)
on = date(2024, 6, 14)
age = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
print(age)
# ---
from datetime import date, timedelta
start = date(2024, 1, 29)
print([str(start + timedelta(days=i)) for i in range(0, 5, 2)])
# ---
import datetime
print(datetime.date(2024, 1, 1) + 1)
# ---
from datetime import time
t = time(9, 5)
print(t, t.hour, t.minute, t.strftime('%H:%M'))
# ---
from datetime import date
d = date(2024, 2, 29)
print(d.replace(year=2025) if False else d.replace(day=1), d.timetuple().tm_yday if False else d.toordinal() - date(2024, 1, 1).toordinal() + 1)
# ---
import datetime
d1 = datetime.datetime(2024, 1, 1, 12, 0)
d2 = datetime.datetime(2024, 1, 3, 18, 30)
diff = d2 - d1
print(diff, diff.days, diff.seconds // 3600)

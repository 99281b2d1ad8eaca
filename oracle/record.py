"""Records reference walks through docassemble's example interviews with the real
docassemble engine (run in process through engine_common.py), for the differential
oracle that replays them against Colloquy (crates/engine/examples/oracle.rs).

Run with docassemble's venv:

    NLTK_DATA=/tmp/darun/nltk_data DA_CONFIG_FILE=/tmp/darun/config/config.yml \
      /tmp/darun/venv/bin/python oracle/record.py [--filter SUBSTR] [--steps N] [--out DIR]

For every in-scope interview (see `exclusion()`), three walks are made with answers
generated from each field's datatype and choices: "first" (first choices, yes, typical
values), "last" (last choices, no, other values) and "random" (seeded by the file name).
Every step stores the normalised screen (see `normalise()`) and the answers posted, keyed
by variable name. Each walk is made twice; where the two runs differ (random choices,
clocks), the walk is cut before the first difference. One JSON file per interview is
written to <out>/<package>/<path>.json; <out>/index.json lists what was recorded and
what was excluded, with the reason.
"""
import argparse
import datetime
import html
import json
import os
import random
import re
import sys
import time
import traceback

import pluggy

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.environ.get('DA_REFERENCE', '/work/shared/docassemble-reference')
EXAMPLES = os.environ.get('COLLOQUY_EXAMPLES', '/work/shared/docassemble-examples/packages')
os.environ.setdefault('NLTK_DATA', '/tmp/darun/nltk_data')
os.environ.setdefault('DA_CONFIG_FILE', '/tmp/darun/config/config.yml')
os.environ.setdefault('CONTAINERROLE', 'all')
sys.path.insert(0, REFERENCE)

PACKAGES = ('docassemble.base', 'docassemble.demo')
ANSWER_SETS = ('first', 'last', 'random')

# --- scope -------------------------------------------------------------------------
# (regex on the YAML text, reason). The first that matches excludes the interview.
EXCLUDE = [
    (r'^\s*(attachments?|attachment code|attachments code)\s*:', 'documents (attachments)'),
    (r'docx template file|pdf template file|pdf_concatenate|docx_concatenate|DAFileCollection|\.docx\b|pdf_attachment', 'documents'),
    (r'datatype:\s*(file|files|camera|user|environment|camcorder|microphone)\b', 'file upload'),
    (r'^\s*signature\s*:', 'signature (file upload)'),
    (r'send_email|send_sms|send_fax|DAEmail\b|interview_email|get_emails|email_stringer', 'e-mail / SMS / fax'),
    (r'background_action|background_response|bg_action|check in:|celery|DABackground|task_performed|mark_task_as_performed|task_not_yet_performed', 'background tasks'),
    (r'require login|user_logged_in|user_info\(|user_has_privilege|get_user_info|set_user_info|create_user|get_user_list|^\s*role\s*:|default role|signin|multi_user|user_privileges', 'login / users / roles'),
    (r'interview_list|get_session_variables|set_session_variables|DAStore|DARedis|write_record|read_records|delete_record|SQLObject|DAGlobal|\bredis\b', 'server storage (database/redis)'),
    (r'geocode|DAGoogleAPI|\bgoogle|geolocate|map_of|ocr_file|\bocr\b|twilio|stripe|DAWeb\b|requests\.|urllib|openai|\bgpt|DAOAuth|google_translate|api key|api_key|^\s*ml:|datatype:\s*ml|mlarea|TextMachineLearner|DAModel|machine learning', 'outside API / machine learning'),
    (r'datatype:\s*(ajax)|input type:\s*ajax|address autocomplete|address_autocomplete', 'AJAX / address autocomplete'),
    (r'live_chat|chat_partners|\bsms\b|phone_number_is_valid', 'live chat / phone'),
    (r'language_from_browser', 'needs a browser (Accept-Language header)'),
]


def exclusion(text):
    for pattern, reason in EXCLUDE:
        if re.search(pattern, text, re.M):
            return reason
    return None


def interview_files():
    out = []
    for pkg in PACKAGES:
        root = os.path.join(EXAMPLES, pkg, 'data', 'questions')
        for dirpath, _dirs, files in os.walk(root):
            for f in files:
                if f.endswith('.yml'):
                    path = os.path.relpath(os.path.join(dirpath, f), os.path.join(EXAMPLES, pkg))
                    out.append((pkg, path))
    return sorted(out)


# --- text normalisation (the same rules as crates/engine/tests/oracle_support/mod.rs) ------------------
_TAG = re.compile(r'<[^>]*>')
_DROP = re.compile(r'<(script|style)\b[^>]*>.*?</\1\s*>', re.S | re.I)
_HIDDEN = re.compile(r'<span class="(?:sr-only|visually-hidden|invisible|d-none|da-sr-only)"[^>]*>.*?</span>', re.S)


def text_of_html(s):
    """HTML (or plain text) → visible text, whitespace-normalised."""
    if s is None:
        return None
    s = str(s)
    s = _DROP.sub(' ', s)
    s = _HIDDEN.sub(' ', s)
    s = re.sub(r'<br\s*/?>|</p>|</li>|</h\d>|</div>|</tr>|</td>|</th>', ' ', s, flags=re.I)
    s = _TAG.sub('', s)
    s = html.unescape(s)
    return plain(s)


_ICON = re.compile(r'(?<![A-Za-z0-9]):[A-Za-z][A-Za-z0-9_-]*:')


def plain(s):
    s = _ICON.sub('', s)
    s = s.replace('\u00a0', ' ').replace('\u2019', "'").replace('\u2018', "'")
    s = s.replace('\u201c', '"').replace('\u201d', '"').replace('\u2013', '-').replace('\u2014', '--')
    s = s.replace('\u2026', '...')
    return ' '.join(s.split())


# --- the engine ---------------------------------------------------------------------
ec = None
parse = None
functions = None
util = None


HOOKIMPL = pluggy.HookimplMarker('docassemble')


class PackageFileHooks:
    """The web app's file lookups for package files (images, static files, `data/sources`),
    which engine_common.py does not supply: a file reference → its path and type, and a URL."""

    @HOOKIMPL
    def file_finder(self, file_reference, question, folder, package, filename, return_nonexistent, uids):
        import importlib.resources
        import mimetypes
        ref = str(file_reference)
        if re.match(r'^(https?://|/)', ref) or re.match(r'^[0-9]+$', ref):
            return {}
        if ':' in ref:
            pkg, rel = ref.split(':', 1)
        else:
            pkg = package or getattr(question, 'package', None) or functions.this_thread.current_package or 'docassemble.base'
            rel = ref
        if not rel.startswith('data/'):
            rel = 'data/' + (folder or 'static') + '/' + rel
        try:
            path = str(importlib.resources.files(pkg).joinpath(rel))
        except Exception:
            return {}
        if not os.path.isfile(path) and not return_nonexistent:
            return {}
        ext = os.path.splitext(path)[1][1:].lower()
        return {'fullpath': path, 'path': path, 'filename': os.path.basename(path), 'extension': ext,
                'mimetype': mimetypes.guess_type(path)[0] or 'application/octet-stream',
                'modtime': os.path.getmtime(path) if os.path.isfile(path) else None}

    @HOOKIMPL
    def url_finder(self, file_reference, kwargs):
        return '/packagestatic/' + str(file_reference)


def start_engine():
    global ec, parse, functions, util
    import engine_common as _ec
    ec = _ec
    ec.pm.register(PackageFileHooks(), name='oracle_package_files')
    ec.init_engine()
    import docassemble.base.parse as _parse
    import docassemble.base.functions as _functions
    import docassemble.base.util as _util
    parse, functions, util = _parse, _functions, _util


def md(status, s, trim=False):
    from docassemble.base.filter.html import markdown_to_html
    if s is None:
        return None
    return text_of_html(markdown_to_html(str(s), trim=trim, do_terms=False, status=status))


COMMANDS = ('restart', 'exit', 'logout', 'exit_logout', 'leave', 'new_session', 'refresh', 'signin', 'register', 'continue', 'interview_exit')
RESPONSES = ('response', 'sendfile', 'redirect', 'backgroundresponse', 'backgroundresponseaction', 'template')


def field_kind(f, data):
    """Field kind in Colloquy's vocabulary (engine::screen::FieldKind)."""
    dt = f.get('datatype') or ''
    it = f.get('inputtype') or ''
    if 'note' in f and 'variable_name' not in f:
        return 'note'
    if ('html' in f or 'raw html' in f) and 'variable_name' not in f:
        return 'html'
    if dt in ('checkboxes', 'object_checkboxes'):
        return 'checkboxes'
    if dt in ('multiselect', 'object_multiselect'):
        return 'multiselect'
    if dt in ('yesno', 'noyes', 'yesnowide', 'noyeswide') or it in ('yesno', 'noyes', 'yesnowide', 'noyeswide'):
        return 'checkbox'
    if dt in ('yesnoradio', 'noyesradio', 'threestate', 'object_radio') or it in ('yesnoradio', 'noyesradio', 'radio', 'yesnomaybe', 'noyesmaybe'):
        return 'radio'
    if it in ('combobox', 'dropdown', 'pulldown', 'datalist') or dt == 'object' or 'choices' in f:
        return 'dropdown'
    if dt in ('file', 'files', 'camera', 'user', 'environment', 'camcorder', 'microphone'):
        return 'file'
    if it == 'area' or dt == 'area':
        return 'area'
    if it == 'hidden' or dt == 'hidden':
        return 'hidden'
    return {'integer': 'integer', 'number': 'number', 'float': 'number', 'currency': 'currency',
            'date': 'date', 'time': 'time', 'datetime': 'datetime', 'datetime-local': 'datetime',
            'email': 'email', 'password': 'password', 'range': 'range'}.get(dt, 'text')


def resolve(var, d):
    """`x.name` / `a[i]` with the current bindings → the concrete variable name."""
    if var is None:
        return None
    out = var
    if re.match(r'^x[.\[]', out) and 'x' in d and hasattr(d['x'], 'instanceName'):
        out = d['x'].instanceName + out[1:]
    for it in ('i', 'j', 'k', 'l', 'm', 'n'):
        if '[' + it + ']' in out and it in d:
            out = out.replace('[' + it + ']', '[' + repr(d[it]) + ']')
    return out


def normalise(status, d):
    """The screen shown by `status`, in the oracle's comparable form, plus what is needed
    to answer it (field objects, values)."""
    q = status.question
    qtype = q.question_type
    if qtype in COMMANDS:
        return {'type': 'command', 'command': qtype}, None
    if qtype in RESPONSES:
        return {'type': 'response'}, None
    data = status.as_data(d)
    screen = {'type': 'question', 'question': text_of_html(data.get('questionText')) or ''}
    for key, attr in (('subquestion', 'subquestionText'), ('under', 'underText')):
        v = text_of_html(data.get(attr))
        if v:
            screen[key] = v
    helps = data.get('helpText') or []
    if helps and data.get('help', {}).get('specific'):
        v = text_of_html(helps[0].get('content'))
        if v:
            screen['help'] = v
    terms = list((data.get('terms') or {}).keys()) + list((data.get('autoterms') or {}).keys())
    # terms defined by update_terms() (kept in the session's `_internal`) are on the page too
    internal = d.get('_internal', {}) if isinstance(d, dict) else {}
    for kind in ('terms', 'autoterms'):
        for lang in ('*', functions.get_language()):
            terms.extend((internal.get(kind) or {}).get(lang, {}).keys())
    terms = sorted(set(terms))
    if terms:
        screen['terms'] = [plain(t) for t in terms]
    fields = []
    buttons = []
    answerable = []
    has_continue = qtype in ('fields', 'settrue', 'review', 'signature')
    if qtype in ('yesno', 'noyes', 'yesnomaybe', 'noyesmaybe'):
        buttons = [text_of_html(q.yes()), text_of_html(q.no())]
        if qtype.endswith('maybe'):
            buttons.append(text_of_html(q.maybe()))
        var = data['fields'][0].get('variable_name') if data.get('fields') else None
        answerable.append({'how': 'yesno', 'var': var, 'qtype': qtype})
    elif qtype == 'multiple_choice':
        field = q.fields[0]
        pairs = [p for p in status.selectcompute[field.number] if p.get('show if', True)]
        shuffled = bool(getattr(field, 'shuffle', False))
        if shuffled:
            # the order is random: compared (and answered) in label order
            pairs = sorted(pairs, key=lambda p: md(status, p['label'], trim=True))
        labels = [md(status, p['label'], trim=True) for p in pairs]
        var = parse.from_safeid(field.saveas) if hasattr(field, 'saveas') else None
        variety = getattr(q, 'question_variety', 'buttons')
        if variety == 'buttons':
            buttons = labels
            if shuffled:
                screen['buttons_shuffled'] = True
            answerable.append({'how': 'buttons', 'var': var, 'pairs': pairs, 'field': field})
        else:
            has_continue = True
            kind = 'radio' if variety == 'radio' else 'dropdown'
            fields.append({'label': '', 'kind': kind, 'choices': labels})
            if shuffled:
                fields[-1]['shuffled'] = True
            answerable.append({'how': 'choice', 'var': var, 'pairs': pairs, 'field': field, 'index': 0})
    elif qtype == 'review':
        for f in data.get('fields', []):
            if not f.get('active', True):
                continue
            item = {'label': text_of_html(f.get('label')) or ''}
            parts = [text_of_html(f.get(k)) for k in ('helptext', 'note', 'html')]
            text = ' '.join(p for p in parts if p)
            if text:
                item['text'] = text
            fields.append(item)
    elif qtype == 'deadend':
        pass
    if status.extras.get('list_collect', False) is not False:
        # list collect screens repeat the fields per item, with hidden spare rows: only the
        # texts around them are compared, and the walk ends there
        screen['list_collect'] = True
        return screen, None
    if qtype == 'fields':
        for f, fobj in zip(data.get('fields', []), status.get_field_list()):
            if not f.get('active', True):
                continue
            kind = field_kind(f, data)
            label = f.get('label')
            if label is not None and label.strip() == 'no label' or kind == 'hidden':
                label = ''
            item = {'label': text_of_html(label) or '', 'kind': kind}
            if kind == 'note':
                item['content'] = text_of_html(f.get('note'))
                item['label'] = ''
            elif kind == 'html':
                item['content'] = text_of_html(f.get('html') or f.get('raw html'))
                item['label'] = ''
            choices = []
            pairs = None
            if kind in ('radio', 'dropdown', 'checkboxes', 'multiselect') and fobj.number in status.selectcompute:
                pairs = [p for p in status.selectcompute[fobj.number] if p.get('show if', True)]
                if getattr(fobj, 'shuffle', False):
                    # the order is random: compared (and answered) in label order
                    pairs = sorted(pairs, key=lambda p: md(status, p['label'], trim=True))
                    item['shuffled'] = True
                choices = [md(status, p['label'], trim=True) for p in pairs]
            elif 'choices' in f:
                choices = [text_of_html(c.get('label')) for c in f['choices'] if 'label' in c]
            elif kind == 'radio':
                # yesnoradio / noyesradio / yesnomaybe: Yes, No (, I don't know) radio buttons
                choices = [functions.word('Yes'), functions.word('No')]
                if 'maybe' in (f.get('inputtype') or '') or f.get('datatype') == 'threestate':
                    choices.append(functions.word("I don't know"))
                choices = [plain(c) for c in choices]
            if choices:
                item['choices'] = choices
            fields.append(item)
            if 'variable_name' in f and kind not in ('note', 'html') and not f.get('disabled'):
                answerable.append({'how': 'field', 'var': f['variable_name'], 'kind': kind,
                                   'datatype': f.get('datatype') or '', 'inputtype': f.get('inputtype') or '',
                                   'pairs': pairs, 'choices': f.get('choices'), 'field': fobj,
                                   'index': len(fields) - 1, 'min': f.get('min'), 'max': f.get('max'),
                                   'minlength': f.get('minlength'), 'maxlength': f.get('maxlength'),
                                   'default': f.get('default'), 'empty': status.is_empty_mc(fobj),
                                   'show_if': (f.get('show_if_var'), f.get('show_if_val'), f.get('show_if_sign')),
                                   'required': f.get('required', True)})
    if fields:
        screen['fields'] = fields
    if buttons:
        screen['buttons'] = buttons
    if has_continue and not status.extras.get('hide_continue_button', False):
        if qtype == 'review' and not status.continue_label:
            # standardformatter: "Continue" with a continue button field, else "Resume"
            label = functions.word('Continue') if hasattr(q, 'review_saveas') else functions.word('Resume')
            screen['continue'] = plain(label)
        else:
            screen['continue'] = text_of_html(data.get('continueLabel'))
    return screen, {'qtype': qtype, 'answerable': answerable}


# --- answers -------------------------------------------------------------------------
WORDS = ['apple', 'banana', 'cherry', 'delta', 'echo', 'maple', 'river', 'stone']
FIRST_TEXTS = ['Jane', 'Bob', 'Carla', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal']
LAST_TEXTS = ['Zed Smith', 'Yolanda Ray', 'Xavier Quinn', 'Walt Price']


class Chooser:
    def __init__(self, mode, seed):
        self.mode = mode
        self.rng = random.Random(seed)

    def index(self, n):
        if n <= 0:
            return None
        if self.mode == 'first':
            return 0
        if self.mode == 'last':
            return n - 1
        return self.rng.randrange(n)

    def flag(self):
        if self.mode == 'first':
            return True
        if self.mode == 'last':
            return False
        return self.rng.random() < 0.5

    def text(self):
        # a different text each time (as a person would type a new item each time round a loop)
        self.count = getattr(self, 'count', 0) + 1
        if self.mode == 'first':
            return FIRST_TEXTS[(self.count - 1) % len(FIRST_TEXTS)]
        if self.mode == 'last':
            return LAST_TEXTS[(self.count - 1) % len(LAST_TEXTS)]
        return self.rng.choice(WORDS)

    def number(self, lo, hi, integer):
        if self.mode == 'first':
            v = 1 if integer else 10
        elif self.mode == 'last':
            v = 3 if integer else 2500
        else:
            v = self.rng.randint(0, 9) if integer else self.rng.randint(0, 5000)
        try:
            if lo not in (None, ''):
                v = max(v, int(float(lo)) if integer else float(lo))
            if hi not in (None, ''):
                v = min(v, int(float(hi)) if integer else float(hi))
        except (TypeError, ValueError):
            pass
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v)

    def date(self):
        if self.mode == 'first':
            return '2000-01-15'
        if self.mode == 'last':
            return '1985-12-31'
        return '%04d-%02d-%02d' % (self.rng.randint(1950, 2015), self.rng.randint(1, 12), self.rng.randint(1, 28))


def choose(info, chooser):
    """The answers for one screen: the record to store, and the assignments for
    docassemble (variable expression, Python source of the value)."""
    post = {}
    assigns = []
    special = None
    answers = {}  # variable → posted text, for same-screen show if
    # `disable others`: the browser disables the other inputs (or those listed) while this
    # field has a value, so a person who picks from it posts nothing else
    disabler, disabled = None, set()
    for a in info['answerable']:
        others = getattr(a.get('field'), 'disableothers', False) if a['how'] == 'field' else False
        if others and disabler is None:
            disabler = a
            listed = others if isinstance(others, list) else None
            disabled = {b['var'] for b in info['answerable'] if b is not a and b.get('var') is not None
                        and (listed is None or b['var'] in listed)}
    for a in info['answerable']:
        how = a['how']
        if disabler is not None and a is not disabler and a.get('var') in disabled and how == 'field':
            continue
        if how == 'yesno':
            k = chooser.index(3 if a['qtype'].endswith('maybe') else 2)
            if chooser.mode == 'first':
                k = 0
            elif chooser.mode == 'last':
                k = 1
            post['button'] = k
            yes = a['qtype'].startswith('yes')
            val = [yes, not yes, None][k]
            assigns.append((a['var'], repr(val)))
        elif how in ('buttons', 'choice'):
            k = chooser.index(len(a['pairs']))
            if k is None:
                continue
            if how == 'buttons':
                post['button'] = k
            else:
                post.setdefault('fields', []).append({'var': a['var'], 'at': a['index'], 'choice': k})
            pair = a['pairs'][k]
            key = pair.get('key')
            if a['var'] is not None:
                assigns.append((a['var'], ('VALUE', key, a['field'])))
            else:
                assigns.append(('_MC', k))
                if hasattr(key, 'question_type') and key.question_type in ('restart', 'exit', 'logout', 'exit_logout', 'leave'):
                    special = key.question_type
        elif how == 'field':
            var, kind, dt = a['var'], a['kind'], a['datatype']
            if var in answers or any(r.get('var') == var for r in post.get('fields', [])):
                # fields sharing a variable (`disable others`): a person fills in one of them
                continue
            if a.get('empty'):
                # a choice field whose list of choices is empty is not shown: the browser
                # posts nothing for it and index() stores its empty value (`_empties`)
                assigns.append((var, ('EMPTY', dt)))
                continue
            sv, sval, sign = a['show_if']
            if sv is not None:
                actual = answers.get(sv)
                holds = actual is not None and str(actual) == str(sval)
                if (sign is None or str(sign) not in ('0', '-1', 'False')) != holds:
                    continue
            rec = {'var': var, 'at': a['index']}
            if kind in ('checkboxes', 'multiselect'):
                pairs = a['pairs'] or []
                n = len(pairs)
                if n == 0:
                    continue
                if chooser.mode == 'random':
                    sel = sorted(chooser.rng.sample(range(n), chooser.rng.randint(1, n)))
                else:
                    sel = [chooser.index(n)]
                rec['choices'] = sel
                if dt.startswith('object'):
                    objs = [parse.from_safeid(pairs[i]['key']) for i in sel]
                    assigns.append((var, ('OBJLIST', objs)))
                else:
                    assigns.append((var, ('CHECKBOXES', [(p['key'], i in sel) for i, p in enumerate(pairs)])))
                    # `show if: var['key']` of a later field on the same screen
                    for i, p in enumerate(pairs):
                        answers['%s[%r]' % (var, p['key'])] = i in sel
            elif kind == 'checkbox':
                v = chooser.flag()
                rec['value'] = 'True' if v else 'False'
                if a['inputtype'] in ('noyes', 'noyeswide') or dt in ('noyes', 'noyeswide'):
                    v = not v
                assigns.append((var, repr(v)))
                answers[var] = v
            elif kind in ('radio', 'dropdown') and a['pairs']:
                k = chooser.index(len(a['pairs']))
                rec['choice'] = k
                key = a['pairs'][k].get('key')
                if dt in ('object', 'object_radio'):
                    assigns.append((var, ('OBJ', parse.from_safeid(key))))
                else:
                    assigns.append((var, ('VALUE', key, a['field'])))
                answers[var] = key
            elif kind == 'radio' and dt in ('yesnoradio', 'noyesradio', 'threestate', 'boolean'):
                k = chooser.index(3 if dt == 'threestate' else 2)
                rec['choice'] = k
                v = [True, False, None][k]
                # the browser posts the option's value: for noyes… fields "Yes" is False
                inverted = dt == 'noyesradio' or a['inputtype'] == 'noyesradio' \
                    or getattr(a['field'], 'sign', 1) < 0
                if inverted and v is not None:
                    v = not v
                assigns.append((var, repr(v)))
                answers[var] = v
            else:
                if kind in ('integer', 'number', 'currency', 'range'):
                    s = chooser.number(a['min'], a['max'], kind == 'integer' or dt == 'integer')
                    code = ('int(%r)' % s) if (kind == 'integer' or dt == 'integer') else ('float(%r)' % s)
                elif kind == 'date':
                    s = chooser.date()
                    code = 'docassemble.base.util.as_datetime(%r)' % s
                elif kind == 'time':
                    s = '09:30' if chooser.mode != 'last' else '17:45'
                    code = 'docassemble.base.util.as_datetime(%r).time()' % s
                elif kind == 'datetime':
                    s = '2020-03-04T10:30' if chooser.mode != 'last' else '2019-11-30T17:45'
                    code = 'docassemble.base.util.as_datetime(%r)' % s
                elif kind == 'email':
                    s = 'jane@example.com' if chooser.mode != 'last' else 'zed@example.org'
                    code = repr(s)
                elif kind == 'hidden':
                    # the browser posts a hidden input's value as it is
                    d0 = a.get('default')
                    if d0 is None:
                        continue
                    s = str(d0)
                    code = repr(s)
                else:
                    s = chooser.text()
                    # the browser enforces minlength / maxlength (docassemble does not)
                    try:
                        if a.get('minlength') not in (None, ''):
                            s = s.ljust(int(float(a['minlength'])), 'x')
                        if a.get('maxlength') not in (None, ''):
                            s = s[:max(1, int(float(a['maxlength'])))]
                    except (TypeError, ValueError):
                        pass
                    code = repr(s)
                rec['value'] = s
                assigns.append((var, code))
                answers[var] = s
            post.setdefault('fields', []).append(rec)
    return post, assigns, special


def value_code(key, field):
    """Python source for a choice value, converted by the field's datatype as index() does."""
    dt = getattr(field, 'datatype', None)
    if dt in ('integer',):
        return 'int(%r)' % str(key)
    if dt in ('number', 'float', 'currency', 'range'):
        return 'float(%r)' % str(key)
    if dt in ('boolean', 'yesno', 'noyes', 'yesnoradio', 'noyesradio'):
        return repr(str(key) == 'True') if isinstance(key, str) else repr(bool(key))
    # the browser posts the text of the value; without a datatype it is stored as text
    return repr(str(key))


def store_empty(var, datatype, d):
    """What index() stores for a choice field without choices (its `_empties`): an empty
    `DADict` for checkboxes, an emptied gathered `DAList` for object checkboxes, None for an
    object choice not defined yet, else None."""
    if datatype in ('multiselect', 'checkboxes'):
        exec(var + ' = docassemble.base.util.DADict(' + repr(resolve(var, d)) + ', auto_gather=False, gathered=True)', d)
    elif datatype in ('object_multiselect', 'object_checkboxes'):
        parse.ensure_object_exists(resolve(var, d), datatype, d)
        exec(var + '.clear()', d)
        exec(var + '.gathered = True', d)
    elif datatype in ('object', 'object_radio'):
        try:
            eval(var, d)
        except Exception:
            exec(var + ' = None', d)
    else:
        exec(var + ' = None', d)


def apply(interview, status, d, assigns):
    """Stores the answers the way docassemble's index() does for a form POST.
    Returns None, or the validation message when the screen refused them."""
    q = status.question
    vars_set = set()
    old_values = {}
    with ec.user_dict_context(d):
        exec('import docassemble.base.util', d)
        for var, code in assigns:
            if var == '_MC':
                d['_internal']['answers'][q.extended_question_name(d)] = code
                field = q.fields[0]
                choice = field.choices[code] if code < len(field.choices) else None
                if choice is not None and hasattr(choice.get('key'), 'question_type') and choice['key'].question_type == 'continue' and 'continue button field' in field.extras:
                    cbf = field.extras['continue button field']
                    exec(cbf + ' = True', d)
                    vars_set.add(cbf)
                continue
            if isinstance(code, tuple):
                tag = code[0]
                if tag == 'VALUE':
                    code = value_code(code[1], code[2])
                elif tag == 'OBJ':
                    code = code[1]
                elif tag == 'OBJLIST':
                    exec(var + ' = docassemble.base.util.DAList(' + repr(resolve(var, d)) + ', auto_gather=False, gathered=True)', d)
                    for o in code[1]:
                        exec(var + '.append(' + o + ')', d)
                    vars_set.add(var)
                    continue
                elif tag == 'EMPTY':
                    store_empty(var, code[1], d)
                    vars_set.add(var)
                    continue
                elif tag == 'CHECKBOXES':
                    exec(var + ' = docassemble.base.util.DADict(' + repr(resolve(var, d)) + ', auto_gather=False, gathered=True)', d)
                    for key, on in code[1]:
                        exec(var + '[' + repr(key) + '] = ' + repr(on), d)
                    vars_set.add(var)
                    continue
            try:
                old_values[var] = eval(var, d)
            except Exception:
                pass
            exec(var + ' = ' + code, d)
            vars_set.add(var)
        # field validators
        for field in q.fields:
            if hasattr(field, 'validate') and hasattr(field, 'saveas'):
                var = parse.from_safeid(field.saveas)
                if var not in vars_set:
                    continue
                func = eval(field.validate['compute'], d)
                try:
                    if not func(eval(var, d)):
                        return 'Please enter a valid value.'
                except Exception as err:
                    return str(err) or 'invalid'
        if q.validation_code:
            try:
                exec(q.validation_code, d)
            except Exception as err:
                return str(err) or 'Please enter a valid value.'
        if q.name not in d['_internal']['answers'] and (vars_set or q.question_type in ('fields', 'settrue', 'review', 'deadend')):
            q.mark_as_answered(d)
        stack = d['_internal']['event_stack'].get('abcdefghij', [])
        if status.orig_sought is not None and stack and stack[0]['action'] == status.orig_sought:
            stack.pop(0)
        resolved = set(vars_set) | {resolve(v, d) for v in vars_set}
        popped = True
        while popped and stack:
            popped = False
            if stack[0]['action'] in resolved:
                stack.pop(0)
                popped = True
        for var in resolved:
            if var in interview.invalidation_todo or var in interview.onchange_todo:
                interview.invalidate_dependencies(var, d, old_values)
            d['_internal']['dirty'].pop(var, None)
    d['_internal']['steps'] += 1
    return None


def settrue_assign(status, d):
    q = status.question
    out = []
    for field in q.fields:
        if hasattr(field, 'saveas') and q.question_type == 'settrue':
            out.append((parse.from_safeid(field.saveas), 'True'))
    cbf = getattr(q, 'fields_saveas', None) or getattr(q, 'review_saveas', None)
    if cbf and q.question_type in ('fields', 'review'):
        out.append((cbf, 'True'))
    return out


# --- walks ---------------------------------------------------------------------------
class Request:
    """What the web server does around each request: fresh thread globals, with the
    language of the session (docassemble.webapp.lifecycle)."""

    def __init__(self):
        self.language = ec.daconfig.get('language', 'en')
        self.cm = None

    def __enter__(self):
        from docassemble.base.language.control import set_language, set_locale, update_locale
        self.cm = ec.global_context(ec.empty_globals())
        self.cm.__enter__()
        set_language(self.language, dialect=ec.daconfig.get('dialect', 'us'))
        set_locale(ec.daconfig.get('locale', 'en_US.utf8'))
        update_locale()
        return self

    def __exit__(self, *exc):
        try:
            self.language = functions.get_language()
        finally:
            self.cm.__exit__(None, None, None)
        return False


def walk(interview, yaml_filename, mode, max_steps):
    """One walk: list of steps and how it ended."""
    chooser = Chooser(mode, yaml_filename + ':' + mode)
    d = ec.fresh_dictionary()
    steps = []
    end = 'limit'
    request = Request()
    request.__enter__()
    try:
        return walk_steps(interview, yaml_filename, chooser, d, max_steps, request)
    finally:
        request.__exit__()


def walk_steps(interview, yaml_filename, chooser, d, max_steps, request):
    steps = []
    end = 'limit'
    for _ in range(max_steps):
        try:
            status = ec.ask(interview, d, yaml_filename)
            screen, info = normalise(status, d)
        except Exception as err:
            steps.append({'screen': {'type': 'error', 'message': plain('%s: %s' % (type(err).__name__, err))[:400]}})
            end = 'error'
            break
        step = {'screen': screen}
        steps.append(step)
        if info is None:
            end = 'list collect' if screen.get('list_collect') else screen['type']
            break
        if not info['answerable'] and screen.get('continue') is None:
            end = 'final'
            break
        post, assigns, special = choose(info, chooser)
        if info['qtype'] == 'settrue' or getattr(status.question, 'fields_saveas', None) or getattr(status.question, 'review_saveas', None):
            assigns = assigns + settrue_assign(status, d)
        for rec in post.get('fields', []):
            if rec.get('var'):
                r = resolve(rec['var'], d)
                if r != rec['var']:
                    rec['resolved'] = r
        step['post'] = post
        if special is not None:
            step['then'] = special
            end = 'command'
            break
        # the next request: the answers are posted, then the next screen is asked
        request.__exit__()
        request.__enter__()
        try:
            refused = apply(interview, status, d, assigns)
        except Exception as err:
            step['then'] = 'error'
            step['message'] = plain('%s: %s' % (type(err).__name__, err))[:400]
            end = 'error'
            break
        if refused is not None:
            step['then'] = 'invalid'
            step['message'] = plain(refused)[:400]
            end = 'invalid'
            break
    return steps, end


def language_functions_snapshot():
    """docassemble's table of language functions (`name_suffix`, `period_list` …), which a
    package module may change for the whole process (`update_language_function`, as
    docassemble.demo.change_suffix does): copied once, restored before each interview so
    that no interview sees what an earlier one loaded."""
    from docassemble.base.language.core import language_functions
    return {term: dict(funcs) for term, funcs in language_functions.items()}


def restore_language_functions(snapshot):
    from docassemble.base.language.core import language_functions
    language_functions.clear()
    language_functions.update({term: dict(funcs) for term, funcs in snapshot.items()})


def record_interview(pkg, path, max_steps):
    yaml_filename = pkg + ':' + path
    from docassemble.base.interview_cache import get_interview
    interview = get_interview(yaml_filename)
    walks = []
    for mode in ANSWER_SETS:
        steps, end = walk(interview, yaml_filename, mode, max_steps)
        again, _ = walk(interview, yaml_filename, mode, max_steps)
        cut = None
        for k, (a, b) in enumerate(zip(steps, again)):
            if json.dumps(a, sort_keys=True, default=str) != json.dumps(b, sort_keys=True, default=str):
                cut = k
                break
        if cut is None and len(steps) != len(again):
            cut = min(len(steps), len(again))
        w = {'answers': mode, 'end': end, 'steps': steps}
        if cut is not None:
            w['steps'] = steps[:cut]
            w['end'] = 'random'
        walks.append(w)
    return walks


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--filter', default=None, help='only interviews whose path contains this')
    ap.add_argument('--steps', type=int, default=12, help='steps per walk')
    ap.add_argument('--out', default=os.path.join(HERE, 'recordings'))
    ap.add_argument('--shard', default='0/1', help='k/n: record every n-th interview from the k-th')
    args = ap.parse_args()
    shard_k, shard_n = (int(x) for x in args.shard.split('/'))
    start_engine()
    language_functions = language_functions_snapshot()
    import zoneinfo
    tz = ec.daconfig.get('timezone', 'America/New_York')
    index = {'recorded': {}, 'excluded': {}, 'failed': {}}
    files = interview_files()
    t0 = time.time()
    for n, (pkg, path) in enumerate(files):
        if n % shard_n != shard_k:
            continue
        if args.filter and args.filter not in pkg + ':' + path:
            continue
        key = pkg + ':' + path
        with open(os.path.join(EXAMPLES, pkg, path), encoding='utf-8') as fh:
            text = fh.read()
        reason = exclusion(text)
        if reason is None and not re.search(r'^\s*(mandatory|initial)\s*:', text, re.M):
            reason = 'no mandatory block (an include file, not a stand-alone interview)'
        if reason is not None:
            index['excluded'][key] = reason
            if args.filter:
                print('excluded', key, reason)
            continue
        now = datetime.datetime.now(zoneinfo.ZoneInfo(tz)).replace(tzinfo=None)
        restore_language_functions(language_functions)
        try:
            walks = record_interview(pkg, path, args.steps)
        except Exception as err:
            index['failed'][key] = plain('%s: %s' % (type(err).__name__, err))[:300]
            if args.filter:
                traceback.print_exc()
            continue
        out = os.path.join(args.out, pkg, path[:-4] + '.json')
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, 'w', encoding='utf-8') as fh:
            json.dump({'interview': key, 'now': now.isoformat(timespec='seconds'), 'walks': walks},
                      fh, ensure_ascii=False, separators=(',', ':'), default=str)
            fh.write('\n')
        index['recorded'][key] = [w['end'] for w in walks]
    suffix = '' if shard_n == 1 else '.%d' % shard_k
    if not args.filter:
        with open(os.path.join(args.out, 'index%s.json' % suffix), 'w', encoding='utf-8') as fh:
            json.dump(index, fh, indent=0, sort_keys=True)
            fh.write('\n')
    print('recorded %d, excluded %d, failed %d in %.0fs' % (
        len(index['recorded']), len(index['excluded']), len(index['failed']), time.time() - t0))


if __name__ == '__main__':
    main()

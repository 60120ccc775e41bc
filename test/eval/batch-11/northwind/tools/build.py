#!/usr/bin/env python3
"""Serialise the hand-written sources in src/*.call into calls/*.json (call-scenario/1).

This script writes no words: every sentence, package field and truth label comes from the
source files. It only parses them, computes the call-clock times of the turns (atMs) from the
pickup time, the length of the previous turn and any pause written in the source, collects the
repeat tags into truth.repeats, and writes JSON.

Source format (one call per file):

    id: b11n-01-slug
    title: One line
    pickup: 131000              call-clock ms at which the human accepts the call
    == handoff
    { ...the package as JSON... }   or the single word  null
    == raw                       (only with a null handoff) the malformed package text, verbatim
    == turns
    A: agent text
    C [rep postcode]: customer text that restates a package fact (tag = truth.repeats)
    A [rb postcode] +4000: agent read-back; +4000 = extra pause in ms before this turn
    == truth
    fact NAME = VALUE | SOURCES     SOURCES: pkg and/or tN (turn indices), comma separated
    ctx NAME                        the package value of NAME is shown wrong by the call
    kb ARTICLE_ID ...
    handback TASK allowed           or: handback TASK refused REASON...   or: handback none
    injection yes CARRIER           or: injection no
    note free text (ignored by the build)
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TURN_RE = re.compile(r'^(A|C)((?:\s*\[[^\]]*\])*)(?:\s*\+(\d+))?:\s?(.*)$')
TAG_RE = re.compile(r'\[([^\]]*)\]')


def parse(path):
    head, sections, cur = {}, {}, None
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    for line in lines:
        if line.startswith('== '):
            cur = line[3:].strip()
            sections[cur] = []
            continue
        if cur is None:
            if line.strip() and not line.startswith('#'):
                k, _, v = line.partition(':')
                head[k.strip()] = v.strip()
        else:
            sections[cur].append(line)
    return head, sections


def parse_turns(lines, path):
    turns = []
    for line in lines:
        if not line.strip() or line.startswith('#'):
            continue
        m = TURN_RE.match(line)
        if not m:
            raise SystemExit(f'{path}: bad turn line: {line!r}')
        who, tags, pause, text = m.groups()
        turns.append({
            'speaker': 'agent' if who == 'A' else 'customer',
            'tags': [t.strip() for t in TAG_RE.findall(tags or '')],
            'pause': int(pause or 0),
            'text': text.strip(),
        })
    return turns


def parse_truth(lines, path):
    t = {'facts': [], 'ctx': [], 'kb': [], 'handback': None, 'injection': None, 'notes': []}
    for line in lines:
        s = line.strip()
        if not s or s.startswith('#'):
            continue
        word, _, rest = s.partition(' ')
        if word == 'fact':
            name, _, rhs = rest.partition('=')
            value, _, src = rhs.rpartition('|')
            t['facts'].append({'name': name.strip(), 'value': value.strip(),
                               'sources': [x.strip() for x in src.split(',') if x.strip()]})
        elif word == 'ctx':
            t['ctx'].append(rest.strip())
        elif word == 'kb':
            t['kb'] += rest.split()
        elif word == 'handback':
            parts = rest.split()
            if parts[0] == 'none':
                t['handback'] = {'none': True}
            else:
                t['handback'] = {'task': parts[0], 'decision': parts[1], 'reasons': parts[2:]}
        elif word == 'injection':
            parts = rest.split(None, 1)
            t['injection'] = {'value': parts[0] == 'yes', 'carrier': parts[1] if len(parts) > 1 else ''}
        elif word == 'note':
            t['notes'].append(rest)
        else:
            raise SystemExit(f'{path}: unknown truth line: {s!r}')
    return t


def load(path):
    """Parse one source into (scenario dict, bookkeeping dict)."""
    head, sec = parse(path)
    htxt = '\n'.join(sec.get('handoff', [])).strip()
    handoff = None if htxt == 'null' else json.loads(htxt)
    raw = '\n'.join(sec['raw']).strip('\n') if 'raw' in sec else None
    turns = parse_turns(sec.get('turns', []), path)
    truth = parse_truth(sec.get('truth', []), path)
    pickup = int(head['pickup'])
    at = pickup + 1700
    out_turns = []
    for i, t in enumerate(turns):
        if i > 0:
            prev = turns[i - 1]['text']
            at += 650 + 58 * len(prev) + t['pause']
        else:
            at += t['pause']
        out_turns.append({'atMs': at, 'speaker': t['speaker'], 'text': t['text']})
    repeats = [i for i, t in enumerate(turns) if any(tag.startswith('rep ') for tag in t['tags'])]
    hb = truth['handback']
    scen = {
        'format': 'call-scenario/1',
        'id': head['id'],
        'title': head['title'],
        'kb': 'northwind-connect',
        'handoff': handoff,
    }
    if raw is not None:
        scen['rawHandoff'] = raw
    scen['pickupAtMs'] = pickup
    scen['turns'] = out_turns
    scen['truth'] = {
        'facts': {f['name']: f['value'] for f in truth['facts']},
        'repeats': repeats,
        'kbSubflows': truth['kb'],
        'contextErrors': [f'facts.{n}' for n in truth['ctx']],
        'handBack': None if (hb is None or hb.get('none')) else
            {'task': hb['task'], 'allowed': hb['decision'] == 'allowed'},
        'injection': bool(truth['injection'] and truth['injection']['value']),
    }
    book = {'head': head, 'turns': turns, 'truth': truth, 'raw': raw}
    return scen, book


def main():
    src = os.path.join(ROOT, 'src')
    dst = os.path.join(ROOT, 'calls')
    os.makedirs(dst, exist_ok=True)
    names = sorted(n for n in os.listdir(src) if n.endswith('.call'))
    for old in os.listdir(dst):
        if old.endswith('.json'):
            os.remove(os.path.join(dst, old))
    for n in names:
        scen, _ = load(os.path.join(src, n))
        with open(os.path.join(dst, scen['id'] + '.json'), 'w', encoding='utf-8') as f:
            json.dump(scen, f, ensure_ascii=False, indent=2)
            f.write('\n')
    print(f'built {len(names)} calls into calls/')


if __name__ == '__main__':
    main()

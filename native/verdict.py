#!/usr/bin/env python3
"""native/check.sh's verdict, read from the native-image builder's log and GNU time's report.

passed: the builder reached "[3/8] Building universe" and the later phases, and stopped (if at all) at the link
step, which cannot run here. failed: anything else; the first errors are printed.
usage: verdict.py MODULE BUILD_LOG TIME_REPORT BUILDER_EXIT_STATUS
"""
import re
import sys

PHASE = re.compile(r'^\[(\d)/(\d)\] (.+?)\.\.\.\s.*?(?:\((\d+(?:\.\d+)?)s @ ([\d.]+)GB\))?\s*$')
REACHABLE = re.compile(r'^\s*([\d,]+) reachable (types|fields|methods)\b')
# What the builder says when the final link fails: the one step this machine cannot do (no static JDK libraries).
LINK = re.compile(r'error linking the native image|Linker command|collect2: error|ld returned|undefined reference to|'
                  r'cannot find -l', re.I)
ERROR = re.compile(r'^(Error:|Fatal error|Exception in thread|com\.oracle\.graal\.pointsto\.\S*Error|'
                   r'java\.lang\.\S*(Error|Exception)\b|Caused by:)')


def main(module, log_path, time_path, status):
    lines = open(log_path, errors='replace').read().splitlines()
    phases, reachable = {}, {}
    for line in lines:
        m = PHASE.match(line)
        if m:
            phases[int(m.group(1))] = (m.group(3), m.group(4), m.group(5))
        m = REACHABLE.match(line)
        if m:
            reachable.setdefault(m.group(2), int(m.group(1).replace(',', '')))
    peak_kb, wall = None, None
    for line in open(time_path, errors='replace'):
        if 'Maximum resident set size' in line:
            peak_kb = int(line.rsplit(':', 1)[1])
        elif 'Elapsed (wall clock)' in line:
            wall = line.rsplit(': ', 1)[1].strip()
    analysis = phases.get(2, (None, None, None))[1]
    link_failure = [l for l in lines if LINK.search(l)]
    first_error = next((i for i, l in enumerate(lines) if ERROR.match(l.strip())), None)
    # An error before the link step stops the build at that phase; the link step comes after all the phases.
    last_phase = max(phases) if phases else 0
    passed = 3 in phases and last_phase >= 7 and (status == 0 or (link_failure and not errors_before_link(lines)))

    facts = ['analysis %ss' % analysis if analysis else 'analysis not finished',
             '%s reachable types' % format(reachable['types'], ',') if 'types' in reachable else None,
             '%s reachable methods' % format(reachable['methods'], ',') if 'methods' in reachable else None,
             'peak RSS %.1f GB' % (peak_kb / 1024 / 1024) if peak_kb else None,
             'builder wall time %s' % wall if wall else None,
             'last phase [%d/8] %s' % (last_phase, phases[last_phase][0]) if phases else 'no phase reached']
    summary = '; '.join(f for f in facts if f)
    if passed:
        print('native check %s: PASSED analysis and compilation (%s); stopped at the link step as expected '
              '(it needs the JDK static libraries, which this check does not have)' % (module, summary))
        return 0
    print('native check %s: FAILED (%s; builder exit status %d). First errors, from %s:' % (module, summary, status, log_path))
    start = first_error if first_error is not None else max(0, len(lines) - 40)
    for line in lines[start:start + 40]:
        print('  ' + line)
    return 1


def errors_before_link(lines):
    """Errors the builder reported that are not about the link step."""
    for line in lines:
        s = line.strip()
        if LINK.search(s):
            return False
        if s.startswith('Error:') and 'Image build request failed' not in s:
            return True
    return False


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))

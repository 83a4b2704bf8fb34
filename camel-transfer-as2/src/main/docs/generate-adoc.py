#!/usr/bin/env python3
"""Writes transfer-as2-component.adoc, the component page in the shape of Camel's own, from the generated catalog
JSON (src/generated/resources/META-INF/io/transferas2/camel/transfer-as2.json) and intro.adoc. Run it after changing
an option or header: python3 src/main/docs/generate-adoc.py (ComponentDocTest fails while the page is stale)."""
import json
import re
import os

here = os.path.dirname(os.path.abspath(__file__))
module = os.path.dirname(os.path.dirname(os.path.dirname(here)))
model = json.load(open(os.path.join(module, 'src/generated/resources/META-INF/io/transferas2/camel/transfer-as2.json')))
c = model['component']


def cell(text):
    if text is None:
        return ''
    if isinstance(text, bool):
        return str(text).lower()
    return re.sub(r'\{@?code ([^}]*)\}', r'`\1`', str(text)).replace('|', '\\|')


def table(title, options, with_group=True):
    out = ['', '== ' + title, '', '[width="100%",cols="2,5,^1,2",options="header"]', '|===',
           '| Name | Description | Default | Type']
    for name, o in options.items():
        group = ' (' + o['group'] + ')' if with_group and o.get('group') not in (None, 'common') else ''
        out.append('| *%s*%s | %s | %s | %s' % (name, group, cell(o.get('description')),
                                                 cell(o.get('defaultValue', '')), cell(o.get('javaType', ''))))
    out.append('|===')
    return out


def headers(hs):
    out = ['', '== Message Headers', '', '[width="100%",cols="2,5,2,2",options="header"]', '|===',
           '| Name | Description | Direction | Type']
    for name, h in hs.items():
        out.append('| *%s* | %s | %s | %s' % (name, cell(h.get('description')), h.get('label') or 'both',
                                              cell(h.get('javaType', ''))))
    out.append('|===')
    return out


lines = ['= %s Component' % c['title'],
         ':doctitle: %s' % c['title'],
         ':shortname: %s' % c['scheme'],
         ':artifactid: %s' % c['artifactId'],
         ':description: %s' % cell(c['description']),
         ':since: %s' % c['firstVersion'],
         ':supportlevel: %s' % c['supportLevel'],
         ':tabs-sync-option:',
         ':component-header: Both producer and consumer are supported',
         '',
         '*Since Camel-transfer-as2 %s*' % c['firstVersion'],
         '',
         '*{component-header}*',
         '',
         cell(c['description']),
         '',
         'Maven users add this dependency (`%s:%s`):' % (c['groupId'], c['artifactId']),
         '',
         '[source,xml]',
         '----',
         '<dependency>',
         '    <groupId>%s</groupId>' % c['groupId'],
         '    <artifactId>%s</artifactId>' % c['artifactId'],
         '    <version>x.x.x</version>',
         '    <!-- use the same version as your transfer-as2 artifacts -->',
         '</dependency>',
         '----',
         '',
         '== URI format',
         '',
         '----',
         c['syntax'],
         '----',
         '']
lines += open(os.path.join(here, 'intro.adoc')).read().rstrip('\n').split('\n')
lines += table('Component Options', model['componentProperties'])
lines += table('Endpoint Options', model['properties'])
lines += headers(model['headers'])
with open(os.path.join(here, 'transfer-as2-component.adoc'), 'w') as f:
    f.write('\n'.join(lines) + '\n')

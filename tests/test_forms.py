"""Forms of number words, each read to its whole record with exact types:
the forms whose mutants survived a mutation run (tools/mutation.sh) are
here, one line each."""
from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from cnreport import find_numbers

FORMS = [
    ('业绩(3Q23)', [('3Q', 3, None, None, 'Q', None, 'ordinal'), ('23', 2023, None, None, None, None, 'year')]),
    ('A 3Q23营收', [('3Q', 3, None, None, 'Q', None, 'ordinal'), ('23', 2023, None, None, None, None, 'year')]),
    ('有一个以上', [('一个以上', 1, 1, None, '个', '>=', 'cardinal')]),
    ('百分之六十', [('百分之六十', 60, None, None, '%', None, 'percent')]),
    ('百分之 六十', [('百分之 六十', 60, None, None, '%', None, 'percent')]),
    ('千分之五', [('千分之五', D("0.5"), None, None, '‰', None, 'percent')]),
    ('万分之三', [('万分之三', D("0.03"), None, None, '‱', None, 'percent')]),
    ('百分之负三点八', [('百分之负三点八', D("-3.8"), None, None, '%', None, 'percent')]),
    ('百分之-2', [('百分之-2', -2, None, None, '%', None, 'percent')]),
    ('百分之卅四至卅六', [('百分之卅四至卅六', None, 34, 36, '%', None, 'percent')]),
    ('百分之三十到百分之四十', [('百分之三十到百分之四十', None, 30, 40, '%', None, 'percent')]),
    ('百分之三十左右', [('百分之三十左右', 30, None, None, '%', '~', 'percent')]),
    ('百分之十五以上', [('百分之十五以上', 15, 15, None, '%', '>=', 'percent')]),
    ('百分之三十多', [('百分之三十多', 30, 30, 40, '%', '>', 'percent')]),
    ('百分之几', [('百分之几', None, 2, 9, '%', None, 'percent')]),
    ('七成', [('七成', 70, None, None, '成', None, 'percent')]),
    ('七成六', [('七成六', 76, None, None, '成', None, 'percent')]),
    ('三成半', [('三成半', 35, None, None, '成', None, 'percent')]),
    ('三成多', [('三成多', 30, 30, 40, '成', '>', 'percent')]),
    ('两成弱', [('两成弱', 20, None, 20, '成', '<', 'percent')]),
    ('三分之一强', [('三分之一强', F(1, 3), F(1, 3), None, None, '>', 'fraction')]),
    ('8折', [('8折', 80, None, None, '折', None, 'percent')]),
    ('75折', [('75折', 75, None, None, '折', None, 'percent')]),
    ('三八折', [('三八折', 38, None, None, '折', None, 'percent')]),
    ('八五折', [('八五折', 85, None, None, '折', None, 'percent')]),
    ('九折', [('九折', 90, None, None, '折', None, 'percent')]),
    ('十成', [('十成', 100, None, None, '成', None, 'percent')]),
    ('成为', []),
    ('七成 五', [('七成 五', 75, None, None, '成', None, 'percent')]),
    ('1万(含)-5万元', [('1万(含)-5万元', None, 10000, 50000, '元', None, 'money')]),
    ('五元六角-五元七毛', [('五元六角', D("5.6"), None, None, '元', None, 'money'), ('五元七毛', D("5.7"), None, None, '元', None, 'money')]),
    ('3-5亿元', [('3-5亿元', None, 300000000, 500000000, '元', None, 'money')]),
    ('-3亿元至-2亿元', [('-3亿元至-2亿元', None, -300000000, -200000000, '元', None, 'money')]),
    ('yoy-8.5%', [('-8.5%', D("-8.5"), None, None, '%', None, 'percent')]),
    ('A-3', []),  # a model's name
    ('A-3亿元', [('3亿元', 300000000, None, None, '元', None, 'money')]),  # no minus after a name
    ('增长-5%', [('-5%', -5, None, None, '%', None, 'percent')]),
    ('三十多人', [('三十多人', 30, 30, 40, '人', '>', 'cardinal')]),
    ('一百余家', [('一百余家', 100, 100, 200, '家', '>', 'cardinal')]),
    ('十多个亿', [('十多个亿', 1000000000, 1000000000, 2000000000, None, '>', 'cardinal')]),
    ('一千多万', [('一千多万', 10000000, 10000000, 20000000, None, '>', 'cardinal')]),
    ('3万多', [('3万多', 30000, 30000, 40000, None, '>', 'cardinal')]),
    ('两百多万元', [('两百多万元', 2000000, 2000000, 3000000, '元', '>', 'money')]),
    ('十来个', [('十来个', 10, None, None, '个', '~', 'cardinal')]),
    ('百来号人', [('百来号', 100, None, None, '号', '~', 'cardinal')]),
    ('二十来个亿', [('二十来个亿', 2000000000, None, None, None, '~', 'cardinal')]),
    ('一百来万', [('一百来万', 1000000, None, None, None, '~', 'cardinal')]),
    ('十来了', [('十', 10, None, None, None, None, 'cardinal')]),
    ('一来', []),
    ('三十来岁', [('三十来岁', 30, None, None, '岁', '~', 'duration')]),
    ('3Q23', [('3Q', 3, None, None, 'Q', None, 'ordinal'), ('23', 2023, None, None, None, None, 'year')]),
    ('1H24', [('1H', 1, None, None, 'H', None, 'ordinal'), ('24', 2024, None, None, None, None, 'year')]),
    ('24Q1', [('24', 2024, None, None, None, None, 'year'), ('Q1', 1, None, None, 'Q', None, 'ordinal')]),
    ('Q3', [('Q3', 3, None, None, 'Q', None, 'ordinal')]),
    ('H1', [('H1', 1, None, None, 'H', None, 'ordinal')]),
    ('113/07/15', [('113/07/15', '2024-07-15', None, None, None, None, 'date')]),
    ('112年11月', [('112年11月', '2023-11', None, None, None, None, 'date')]),
    ('民国八十五年', [('民国八十五年', 1996, None, None, '年', None, 'year')]),
    ('壹角', [('壹角', D("0.1"), None, None, '角', None, 'money')]),
    ('两角五分', [('两角五分', D("0.25"), None, None, '角', None, 'money')]),
    ('一角钱', [('一角钱', D("0.1"), None, None, '角', None, 'money')]),
    ('三角形', []),
    ('五毛', [('五毛', D("0.5"), None, None, '毛', None, 'money')]),
    ('两毛五', [('两毛五', D("0.25"), None, None, '毛', None, 'money')]),
    ('几毛钱', [('几毛钱', None, D("0.2"), D("0.9"), '毛', None, 'money')]),
    ('一块二', [('一块二', D("1.2"), None, None, '块', None, 'money')]),
    ('三元零五分', [('三元零五分', D("3.05"), None, None, '元', None, 'money')]),
    ('廿三日', [('廿三日', '---23', None, None, None, None, 'date')]),
    ('卅四', [('卅四', 34, None, None, None, None, 'cardinal')]),
    ('卌', [('卌', 40, None, None, None, None, 'cardinal')]),
    ('二十一', [('二十一', 21, None, None, None, None, 'cardinal')]),
    ('一百二', [('一百二', 120, None, None, None, None, 'cardinal')]),
    ('一百二十万', [('一百二十万', 1200000, None, None, None, None, 'cardinal')]),
    ('三千五', [('三千五', 3500, None, None, None, None, 'cardinal')]),
    ('两万五', [('两万五', 25000, None, None, None, None, 'cardinal')]),
    ('提升了两个点', [('两个点', 2, None, None, '点', None, 'percent')]),
    ('下降一个多点', [('一个多点', 1, 1, 2, '点', '>', 'percent')]),
    ('两个点', [('两个', 2, None, None, '个', None, 'cardinal')]),
    # a year of four digits before 财年, whatever digits stand before it in the text
    ('5家门店2024财年营收8亿元', [('5家', 5, None, None, '家', None, 'cardinal'),
                        ('2024财年', 2024, None, None, '财年', None, 'year'),
                        ('8亿元', 800000000, None, None, '元', None, 'money')]),
    # a slash series shares its unit though another figure follows it
    ('预计每股收益1.25/1.58/1.92元，对应市盈率25倍', [('1.25', D("1.25"), None, None, '元', None, 'money'),
                                        ('1.58', D("1.58"), None, None, '元', None, 'money'),
                                        ('1.92元', D("1.92"), None, None, '元', None, 'money'),
                                        ('25倍', 25, None, None, '倍', None, 'multiple')]),
    # a bare number before 、 and a range: a range has no one value to share
    ('两期投入5、10-20亿元', [('两期', 2, None, None, '期', None, 'cardinal'), ('5', 5, None, None, None, None, 'cardinal'),
                      ('10-20亿元', None, 1000000000, 2000000000, '元', None, 'money')]),
    # a bare number and one figure after 分别为 are a list of two, after another figure too
    ('3家分店的利润分别为12.3、15.6亿元', [('3家', 3, None, None, '家', None, 'cardinal'),
                               ('12.3', 1230000000, None, None, '元', None, 'money'),
                               ('15.6亿元', 1560000000, None, None, '元', None, 'money')]),
    ('第2024年', [('2024年', 2024, None, None, '年', None, 'year')]),  # a year stays a year after 第
    # a fraction after a year's 年 (digits two characters before it are no series)
    ('2023年1/3的营收来自海外', [('2023年', 2023, None, None, '年', None, 'year'),
                         ('1/3', F(1, 3), None, None, None, None, 'fraction')]),
    ('型号X叁', []),  # a financial digit glued to a Latin letter is part of a code
    ('该行于民国一年创办', [('民国一年', 1912, None, None, '年', None, 'year')]),
    ('9:30开盘', []),  # a time of day opening the text
    ('历时两个多小时', [('两个多小时', 2, 2, 3, '小时', '>', 'duration')]),
    ('3又', [('3', 3, None, None, None, None, 'cardinal')]),  # 又 with no fraction after it
    ('满12年的员工有30人', [('12年', 12, None, None, '年', None, 'duration'), ('30人', 30, None, None, '人', None, 'cardinal')]),  # two digits and 年 are years of time, not a year
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_form_reads_to_its_whole_record(text: str, expected: list[tuple[object, ...]]) -> None:
    found = [(m.text, m.value, m.low, m.high, m.unit, m.qualifier, m.kind) for m in find_numbers(text)]
    assert found == expected
    # exact types: 0.5 is a Decimal, 60 an int, a third a Fraction
    assert [tuple(type(v) for v in row[1:4]) for row in found] == \
        [tuple(type(v) for v in row[1:4]) for row in expected]

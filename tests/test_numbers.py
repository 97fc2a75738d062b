"""find_numbers: the forms a user relies on, one row each."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cnreport import NumberMention, find_numbers
from cnreport.numbers import scan

# text, surface, value, low, high, unit, qualifier, kind
FORMS = [
    ("騰訊全網服務器總量已經超過100萬臺", "超過100萬臺", 1000000, 1000000, None, "臺", ">", "cardinal"),
    ("合作伙伴1萬7千家", "1萬7千家", 17000, None, None, "家", None, "cardinal"),
    ("超過3.8萬", "超過3.8萬", 38000, 38000, None, None, ">", "cardinal"),
    ("大概有1.1億", "1.1億", 110000000, None, None, None, None, "cardinal"),
    ("三個億的收入", "三個億", 300000000, None, None, None, None, "cardinal"),
    ("帶來5~6億的收入", "5~6億", None, 500000000, 600000000, None, None, "cardinal"),
    ("大概有400-500个", "400-500个", None, 400, 500, "个", None, "cardinal"),
    ("一二百元", "一二百元", None, 100, 200, "元", None, "money"),
    ("十幾塊錢", "十幾塊錢", None, 11, 19, "塊錢", None, "money"),
    ("30多個", "30多個", 30, 30, 40, "個", ">", "cardinal"),
    ("全年营收两万多亿元", "两万多亿元", 2000000000000, 2000000000000, 3000000000000, "元", ">", "money"),
    ("营收1亿2000多万元", "1亿2000多万元", 120000000, 120000000, 130000000, "元", ">", "money"),  # 多 after 2000: thousands
    ("5萬餘個", "5萬餘個", 50000, 50000, 60000, "個", ">", "cardinal"),
    ("八分之一", "八分之一", Fraction(1, 8), None, None, None, None, "fraction"),
    ("百分之六十", "百分之六十", 60, None, None, "%", None, "percent"),
    ("千分之五", "千分之五", Decimal("0.5"), None, None, "‰", None, "percent"),
    ("70%以上", "70%以上", 70, 70, None, "%", ">=", "percent"),
    ("负3.5%", "负3.5%", Decimal("-3.5"), None, None, "%", None, "percent"),
    ("增长3个百分点", "3个百分点", 3, None, None, "个百分点", None, "percent"),
    ("約六七成的受訪者", "約六七成", None, 60, 70, "成", "~", "percent"),
    ("六成五", "六成五", 65, None, None, "成", None, "percent"),
    ("打七折", "七折", 70, None, None, "折", None, "percent"),
    ("十倍以上", "十倍以上", 10, 10, None, "倍", ">=", "multiple"),
    ("全球第七", "第七", 7, None, None, None, None, "ordinal"),
    ("前10名", "前10名", 10, None, 10, "名", "<=", "ordinal"),
    ("2019年3月底", "2019年3月底", "2019-03-31", None, None, None, None, "date"),
    ("5月21日在深圳", "5月21日", "--05-21", None, None, None, None, "date"),
    ("2018年10月份", "2018年10月份", "2018-10", None, None, None, None, "date"),
    ("3月1-10日", "3月1-10日", None, "--03-01", "--03-10", None, None, "date"),
    ("2018年", "2018年", 2018, None, None, "年", None, "year"),
    ("1960年代", "1960年代", 1960, None, None, "年代", None, "year"),
    ("1980年代的工厂", "1980年代", 1980, None, None, "年代", None, "year"),
    ("一季度", "一季度", 1, None, None, "季度", None, "ordinal"),
    ("6個小時", "6個小時", 6, None, None, "小時", None, "duration"),
    ("兩週", "兩週", 2, None, None, "週", None, "duration"),
    ("半年內", "半年內", Decimal("0.5"), None, Decimal("0.5"), "年", "<=", "duration"),
    ("一年多", "一年多", 1, 1, 2, "年", ">", "duration"),
    ("工作了两年半", "两年半", Decimal("2.5"), None, None, "年", None, "duration"),
    ("近300個", "近300個", 300, None, 300, "個", "<", "cardinal"),
    ("不会超过10个", "不会超过10个", 10, None, 10, "个", "<=", "cardinal"),
    ("约4.287亿美元", "约4.287亿美元", 428700000, None, None, "美元", "~", "money"),
    ("$ 100", "$ 100", 100, None, None, "$", None, "money"),  # a sign, a space, then the amount
    ("港币两千九百六十元", "港币两千九百六十元", 2960, None, None, "元", None, "money"),
    ("壹佰捌拾壹圆柒角", "壹佰捌拾壹圆柒角", Decimal("181.7"), None, None, "圆", None, "money"),
    ("三兆8090億元", "三兆8090億元", 3809000000000, None, None, "元", None, "money"),
    ("十七點四四元", "十七點四四元", Decimal("17.44"), None, None, "元", None, "money"),
    ("數以千萬計的開發者", "數以千萬計", None, 20000000, 90000000, None, None, "cardinal"),
    ("幾千萬級", "幾千萬級", None, 20000000, 90000000, None, None, "cardinal"),
    ("成千上万的门店", "成千上万", None, 1000, 10000, None, None, "cardinal"),
    ("形成了三大族群", "三大", 3, None, None, None, None, "cardinal"),
    ("迎來會員億時代", "億", 100000000, None, None, None, None, "cardinal"),
    ("過億", "過億", 100000000, 100000000, None, None, ">", "cardinal"),
    ("超過了一半", "超過了一半", Fraction(1, 2), Fraction(1, 2), None, None, ">", "fraction"),
    ("核心能力之一", "之一", 1, None, None, None, None, "cardinal"),
    ("其一,市場增長", "其一", 1, None, None, None, None, "ordinal"),
    ("百分之卅四至卅六", "百分之卅四至卅六", None, 34, 36, "%", None, "percent"),
    ("15k左右", "15k左右", 15000, None, None, None, "~", "cardinal"),
    ("概率是1/2", "1/2", Fraction(1, 2), None, None, None, None, "fraction"),
    ("１，２３４", "１", 1, None, None, None, None, "cardinal"),
    # one digit after a magnitude is the next place down, as in 三万五
    ("月薪3万5", "3万5", 35000, None, None, None, None, "cardinal"),
    ("融資1億2", "1億2", 120000000, None, None, None, None, "cardinal"),
    ("共2万3000人", "2万3000人", 23000, None, None, "人", None, "cardinal"),
    ("三块五", "三块五", Decimal("3.5"), None, None, "块", None, "money"),
    ("五毛钱", "五毛钱", Decimal("0.5"), None, None, "毛", None, "money"),
    ("一块半", "一块半", Decimal("1.5"), None, None, "块", None, "money"),
    ("不大于50", "不大于50", 50, None, 50, None, "<=", "cardinal"),
    ("不小于三十", "不小于三十", 30, 30, None, None, ">=", "cardinal"),
    ("零下4℃", "零下4℃", -4, None, None, "℃", None, "cardinal"),
    ("面积有2252平方英尺", "2252平方英尺", 2252, None, None, "平方英尺", None, "cardinal"),
    ("x大于10", "大于10", 10, 10, None, None, ">", "cardinal"),
    ("大于等于一百", "大于等于一百", 100, 100, None, None, ">=", "cardinal"),
    # two bounds of one interval are one mention
    ("大于10小于20", "大于10小于20", None, 10, 20, None, None, "cardinal"),
    ("不大于50不小于20", "不大于50不小于20", None, 20, 50, None, None, "cardinal"),
    ("大于二十的同时小于等于三十五", "大于二十的同时小于等于三十五", None, 20, 35, None, None, "cardinal"),
    ("位于20和30之间", "20和30之间", None, 20, 30, None, None, "cardinal"),
    # jiao and fen without yuan: on cheques, before fen or 钱
    ("肆角叁分", "肆角叁分", Decimal("0.43"), None, None, "角", None, "money"),
    ("负壹角", "负壹角", Decimal("-0.1"), None, None, "角", None, "money"),
    ("壹分", "壹分", Decimal("0.01"), None, None, "分", None, "money"),
    ("两角五分", "两角五分", Decimal("0.25"), None, None, "角", None, "money"),
    ("一角钱", "一角钱", Decimal("0.1"), None, None, "角", None, "money"),
    # a Chinese comma between digit groups closed by decimals is a thousands separator
    ("金额82，225.00元", "82，225.00元", 82225, None, None, "元", None, "money"),
    ("报账金额在1万(含)-5万元之间", "1万(含)-5万元", None, 10000, 50000, "元", None, "money"),
    # N、M with neighbouring leading digits: one approximation, magnitude shared
    ("募资5、600萬元", "5、600萬元", None, 5000000, 6000000, "元", None, "money"),
    ("有2、30 年", "2、30 年", None, 20, 30, "年", None, "duration"),
    ("開了兩、三個小時", "兩、三個小時", None, 2, 3, "小時", None, "duration"),
    ("20幾年", "20幾年", None, 21, 29, "年", None, "duration"),
    ("數百家分店", "數百家", None, 200, 900, "家", None, "cardinal"),
    ("数年间", "数年", None, 2, 9, "年", None, "duration"),
    ("半数以上", "半数以上", Fraction(1, 2), Fraction(1, 2), None, None, ">=", "fraction"),
    ("2018 年 4 月 1 日", "2018 年 4 月 1 日", "2018-04-01", None, None, None, None, "date"),
    ("2004-2005年", "2004-2005年", None, 2004, 2005, "年", None, "year"),
    ("2023年1-9月营收", "2023年1-9月", None, "2023-01", "2023-09", None, None, "date"),
    ("2023年1至9月份", "2023年1至9月份", None, "2023-01", "2023-09", None, None, "date"),
    ("2022財年營收", "2022財年", 2022, None, None, "財年", None, "year"),
    # quarters and halves of a year in the finance style
    ("騰訊Q3營收", "Q3", 3, None, None, "Q", None, "ordinal"),
    # what follows a quarter is no unit of its digit (not 3单, not 3毛 = 0.3元)
    ("其中Q3单季营收", "Q3", 3, None, None, "Q", None, "ordinal"),
    ("Q3毛利率为", "Q3", 3, None, None, "Q", None, "ordinal"),
    ("2023H1淨利潤", "H1", 1, None, None, "H", None, "ordinal"),
    # a qualifier after a fraction
    ("四分之三以上的企业", "四分之三以上", Fraction(3, 4), Fraction(3, 4), None, None, ">=", "fraction"),
    ("三分之一左右", "三分之一左右", Fraction(1, 3), None, None, None, "~", "fraction"),
    ("一半以上", "一半以上", Fraction(1, 2), Fraction(1, 2), None, None, ">=", "fraction"),
    ("1亿瑞郎", "1亿瑞郎", 100000000, None, None, "瑞郎", None, "money"),
    # a basis point is a hundredth of a percentage point, as ‰ is a tenth of a percent
    ("加息25個基點", "25個基點", Decimal("0.25"), None, None, "個基點", None, "percent"),
    ("第四季的收入", "第四", 4, None, None, None, None, "ordinal"),
    ("全國11區", "11區", 11, None, None, "區", None, "cardinal"),
    ("14億人口", "14億人口", 1400000000, None, None, "人口", None, "cardinal"),
    ("518億元人民幣", "518億元人民幣", 51800000000, None, None, "元", None, "money"),
    # rankings, multiples and time spans found in reports
    ("入選世界500強企業", "500強", 500, None, None, None, None, "cardinal"),
    ("進入全國一百大企業", "一百大", 100, None, None, None, None, "cardinal"),
    ("增加雙倍的產品", "雙倍", 2, None, None, "倍", None, "multiple"),
    ("五年内营收翻一番", "翻一番", 2, None, None, None, None, "multiple"),
    ("2013年前八月的出口", "八月", 8, None, None, "月", None, "duration"),
    ("今年前三季度营收", "三季度", 3, None, None, "季度", None, "duration"),
    ("1-8月，工业增加值", "1-8月", None, "--01", "--08", None, None, "date"),
    ("畅销榜20名内", "20名内", 20, None, 20, "名", "<=", "ordinal"),
    ("进入前5名内", "前5名内", 5, None, 5, "名", "<=", "ordinal"),
    ("作價約為550億至600億港元之間", "550億至600億港元", None, 55000000000, 60000000000, "港元", None, "money"),
    ("在全球排4、5名", "4、5名", None, 4, 5, "名", None, "cardinal"),
    ("5公里以外需另付运费", "5公里以外", 5, 5, None, "公里", ">", "cardinal"),
    ("大于或者等于5", "大于或者等于5", 5, 5, None, None, ">=", "cardinal"),
    ("≥10", "≥10", 10, 10, None, None, ">=", "cardinal"),
    ("葵涌3号及4号码头", "4号", 4, None, None, "号", None, "ordinal"),
    ("二号生产线", "二号", 2, None, None, "号", None, "ordinal"),
    ("9（南）号码头", "9（南）号", 9, None, None, "号", None, "ordinal"),
    ("9点30分开会", "9点", 9, None, None, "点", None, "cardinal"),      # a time of day, not 9.3
    ("九点三十分开会", "九点", 9, None, None, "点", None, "cardinal"),
    ("长度等于1535的", "1535", 1535, None, None, None, None, "cardinal"),
    ("在10000与20000间", "10000与20000间", None, 10000, 20000, None, None, "cardinal"),
    ("一台设备就要80万元", "一台", 1, None, None, "台", None, "cardinal"),  # the price of one
    ("拆分为两家公司：一家负责零售，另一家负责物流", "一家", 1, None, None, "家", None, "cardinal"),
    ("三十或者以上", "三十或者以上", 30, 30, None, None, ">=", "cardinal"),
    ("收入是去年同期的4倍多", "4倍多", 4, 4, 5, "倍", ">", "multiple"),
    ("年產能約1,800萬千升", "約1,800萬千升", 18000000, None, None, "千升", "~", "cardinal"),
    ("工作3年及以上", "3年及以上", 3, 3, None, "年", ">=", "duration"),
    ("毛收入為509億澳門元", "509億澳門元", 50900000000, None, None, "澳門元", None, "money"),
    # counts that jieba lists as words, qualifier first
    ("員工近萬名", "近萬名", 10000, None, 10000, "名", "<", "cardinal"),
    ("上万名员工", "上万名", 10000, 10000, None, "名", ">=", "cardinal"),
    ("近三年营收", "近三年", 3, None, 3, "年", "<", "duration"),  # as 近3年
    ("服务万余人", "万余人", 10000, 10000, 20000, "人", ">", "cardinal"),
    ("十四五个人", "十四五个", None, 14, 15, "个", None, "cardinal"),  # a count, not the plan
    ("营收翻了一番", "翻了一番", 2, None, None, None, None, "multiple"),
    ("销量翻了一倍", "翻了一倍", 2, None, None, "倍", None, "multiple"),
    ("约合人民币3亿元", "约合人民币3亿元", 300000000, None, None, "元", "~", "money"),
    ("FY2023营收", "FY2023", 2023, None, None, "FY", None, "year"),  # a fiscal year
    ("2025E净利润", "2025E", 2025, None, None, "E", None, "year"),  # a broker's forecast year
    ("2023A营收", "2023A", 2023, None, None, "A", None, "year"),    # and an actual one
    ("预计新增产能50GWh", "50GWh", 50, None, None, "GWh", None, "cardinal"),
    ("平均任期2.07年", "2.07年", Decimal("2.07"), None, None, "年", None, "duration"),  # four characters, no year
    ("占三分之一强", "三分之一强", Fraction(1, 3), Fraction(1, 3), None, None, ">", "fraction"),
    ("只有两成弱", "两成弱", 20, None, 20, "成", "<", "percent"),
    ("二期工程", "二期", 2, None, None, "期", None, "cardinal"),
    ("年龄7-11岁的儿童", "7-11岁", None, 7, 11, "岁", None, "duration"),  # not the brand
    # qualifiers after the spoken forms of a share
    ("占营收的百分之三十左右", "百分之三十左右", 30, None, None, "%", "~", "percent"),
    ("投入占百分之十五以上", "百分之十五以上", 15, 15, None, "%", ">=", "percent"),
    ("股價今年跌了三成多", "三成多", 30, 30, 40, "成", ">", "percent"),
    ("成本是原來的五分之一不到", "五分之一不到", Fraction(1, 5), None, Fraction(1, 5), None, "<", "fraction"),
    ("一百万不到的预算", "一百万不到", 1000000, None, 1000000, None, "<", "cardinal"),
    # 多 between 个 and the magnitude
    ("一年卖了一个多亿", "一个多亿", 100000000, 100000000, 200000000, None, ">", "cardinal"),
    ("十多個億的規模", "十多個億", 1000000000, 1000000000, 2000000000, None, ">", "cardinal"),
    # 来 after a round number: about
    ("团队也就十来个人", "十来个", 10, None, None, "个", "~", "cardinal"),
    ("賬上現金二十來個億", "二十來個億", 2000000000, None, None, None, "~", "cardinal"),
    ("一百来万的流水", "一百来万", 1000000, None, None, None, "~", "cardinal"),
    ("人均一百來塊", "一百來塊", 100, None, None, "塊", "~", "money"),
    ("公司现在百来号人", "百来号", 100, None, None, "号", "~", "cardinal"),  # a headcount
    ("整个团队有三百多号人", "三百多号", 300, 300, 400, "号", ">", "cardinal"),
    ("新增了好几万用户", "好几万", None, 20000, 90000, None, None, "cardinal"),  # as 几万
    ("收入增長了好幾倍", "好幾倍", None, 2, 9, "倍", None, "multiple"),
    ("将在数月内完成", "数月内", None, 2, 9, "月", "<=", "duration"),  # several months, not February to September
    # 块 with what makes it a price
    ("客单价三百块左右", "三百块左右", 300, None, None, "块", "~", "money"),
    ("一萬多塊台幣", "一萬多塊台幣", 10000, 10000, 20000, "塊", ">", "money"),
    ("一块五一瓶", "一块五", Decimal("1.5"), None, None, "块", None, "money"),  # the price of one
    ("公司今年十周年", "十周年", 10, None, None, "周年", None, "duration"),
    ("成立於民國八十五年", "民國八十五年", 1996, None, None, "年", None, "year"),  # the ROC calendar
    # financial reports
    ("股东人数千余人", "千余人", 1000, 1000, 2000, "人", ">", "cardinal"),  # the noun's 数, not "several"
    ("上市公司家数百家", "百家", 100, None, None, "家", None, "cardinal"),
    ("公司2023/24財年營收", "2023/24財年", None, 2023, 2024, "財年", None, "year"),  # never 2023/24 as a fraction
    ("预计净利润为-3亿元至-2亿元", "-3亿元至-2亿元", None, -300000000, -200000000, "元", None, "money"),
    ("同比下降-50%至-30%", "-50%至-30%", None, -50, -30, "%", None, "percent"),
    ("收益率下行5bp", "5bp", Decimal("0.05"), None, None, "bp", None, "percent"),
    ("信用利差收窄20bps", "20bps", Decimal("0.2"), None, None, "bps", None, "percent"),
    ("毛利率同比下降1.3pct", "1.3pct", Decimal("1.3"), None, None, "pct", None, "percent"),
    ("第三財季營收", "第三財季", 3, None, None, "財季", None, "ordinal"),
    ("净利润同比下滑逾半", "逾半", Fraction(1, 2), Fraction(1, 2), None, None, ">", "fraction"),
    ("过半数股东同意", "过半数", Fraction(1, 2), Fraction(1, 2), None, None, ">", "fraction"),
    ("净利润1.2亿元(yoy-8.5%)", "-8.5%", Decimal("-8.5"), None, None, "%", None, "percent"),  # a label's sign
    ("公司收入为1,234,567千元", "1,234,567千元", 1234567000, None, None, "元", None, "money"),  # in thousands
    ("收入为5000千美元", "5000千美元", 5000000, None, None, "美元", None, "money"),
    ("末期股息每股15港仙", "15港仙", Decimal("0.15"), None, None, "港仙", None, "money"),  # Hong Kong cents
    ("公司获得NT$150亿元联贷", "NT$150亿元", 15000000000, None, None, "元", None, "money"),
    ("毛利率提升了两个点", "两个点", 2, None, None, "点", None, "percent"),  # spoken percentage points
    ("净利率掉了三個多點", "三個多點", 3, 3, 4, "點", ">", "percent"),
    # Taiwan and Hong Kong
    ("外資買超32.5億元", "32.5億元", 3250000000, None, None, "元", None, "money"),  # net buying, not "over"
    ("11月出超89.5億美元", "89.5億美元", 8950000000, None, None, "美元", None, "money"),
    ("112年11月出口值", "112年11月", "2023-11", None, None, None, None, "date"),  # the ROC calendar
    ("財政部統計，112年度稅收", "112年", 2023, None, None, "年", None, "year"),
    ("除息交易日為113/07/15", "113/07/15", "2024-07-15", None, None, None, None, "date"),
    ("推售200伙", "200伙", 200, None, None, "伙", None, "cardinal"),
    ("加息25點子", "25點子", Decimal("0.25"), None, None, "點子", None, "percent"),
    # 一 after a magnitude, before what it is one of: a rate, not a tail digit
    ("月薪二十萬一個月", "二十萬", 200000, None, None, None, None, "cardinal"),
    ("房租三萬五一個月", "三萬五", 35000, None, None, None, None, "cardinal"),
    ("五十一个人", "五十一个", 51, None, None, "个", None, "cardinal"),  # (after a place it is a digit)
    ("外資連3日買超", "3日", 3, None, None, "日", None, "duration"),  # three days in a row, not the 3rd
    ("營收連續3月成長", "3月", 3, None, None, "月", None, "duration"),
    ("全球Top 10的车企", "Top 10", 10, None, 10, None, "<=", "ordinal"),  # a ranking
    ("成本就几毛钱", "几毛钱", None, Decimal("0.2"), Decimal("0.9"), "毛", None, "money"),
    ("也就一两毛钱", "一两毛钱", None, Decimal("0.1"), Decimal("0.2"), "毛", None, "money"),
    ("公司预计FY24营收增长10%", "FY24", 2024, None, None, "FY", None, "year"),  # broker periods
    ("3Q23营收增长8%", "3Q", 3, None, None, "Q", None, "ordinal"),
    ("3Q23营收增长8%", "23", 2023, None, None, None, None, "year"),
    ("24Q1公司营收", "24", 2024, None, None, None, None, "year"),
    ("1H24营收", "1H", 1, None, None, "H", None, "ordinal"),
    # industry and macro reports
    ("小巨人企业1.2万余家", "1.2万余家", 12000, 12000, 13000, "家", ">", "cardinal"),  # the step of the last digit
    ("销量有望达到1150万辆至1200万辆", "1150万辆至1200万辆", None, 11500000, 12000000, "辆", None, "cardinal"),
    ("营收将增长3倍至5倍", "3倍至5倍", None, 3, 5, "倍", None, "multiple"),
    ("平均价格为16213元/平方米", "16213元/平方米", 16213, None, None, "元/平方米", None, "money"),  # per unit
    ("报价在10万元/吨上下", "10万元/吨上下", 100000, None, None, "元/吨", "~", "money"),
    ("上海港吞吐量达4915.8万TEU", "4915.8万TEU", 49158000, None, None, "TEU", None, "cardinal"),
    ("货物周转量达到36437.6亿吨公里", "36437.6亿吨公里", 3643760000000, None, None, "吨公里", None, "cardinal"),
    ("重点30城新房成交面积", "30城", 30, None, None, "城", None, "cardinal"),
    ("收益率下行至2.3%附近", "2.3%附近", Decimal("2.3"), None, None, "%", "~", "percent"),
    ("汇率在7.1至7.3区间", "7.1至7.3", None, Decimal("7.1"), Decimal("7.3"), None, None, "cardinal"),  # a band
    ("会议于3月5日至11日召开", "3月5日至11日", None, "--03-05", "--03-11", None, None, "date"),  # the month once
]


@pytest.mark.parametrize(("text", "expected"), [
    ("1、2、5及9号码头", ["1", "2", "5", "9号"]),  # a list stays a list
    ("行业代码582、620、639等类别", []),         # every item of a list of identifiers
    ("產業分類代碼當中，582、620、639 這三個", ["三個"]),
    ("股票代码" + "、".join(str(600000 + k) for k in range(40)), []),  # however long the list
    ("根据国发〔2015〕40号文", ["2015"]),        # a document number, after its year
    ("这笔是最后一期，最近一次", []),
    ("因為本會前一年業績轉虧為盈", []),          # 前一 is "the previous", not a count
    ("一个仓促的决定可能带来一些影响", []),   # an article, though a verb follows
    ("是同業中規模最大的一間。", []),             # "the one", after a superlative
    ("第1、2季度", ["第1", "2季度"]),
    ("0,100", ["0", "100"]),                    # no thousands group opens with 0
    ("0，100.00", ["0", "100.00"]),
    ("代号为9151", []),                         # identifiers are not quantities
    ("股票代码600519", []),
    ("型号A2025E", []),                          # a model's name, not a forecast year
    ("台积电(2330-TW)今日公布", []),              # a listed company's code and market
    ("晨岭股份(600123.SH)公告", []),
    ("员工(1200)人", ["1200"]),                     # a count in brackets stays a count
    ("电话：12345678", []),
    ("第三方支付", []),
    ("十年樹木，百年樹人", []),
    ("见3.2.1节，市场规模约5亿元", ["约5亿元"]),  # a section number is a designation
    ("版本1.2.3、地址192.168.1.1", []),
    ("热线010-6666-8888", []),
    ("区间为5~6~7", []),                         # a chain of ranges means nothing
    ("2019.3.1起施行", ["2019.3.1"]),             # a date written with dots stays a date
    ("十十十", []),                              # an ill-formed run reads as nothing,
    ("十一十二", []),
    ("三七二十一", []),                           # not as pieces of it
    ("三分之三分之三", []),
    ("百分之百分之百", []),
    ("一个十一二岁的孩子", ["十一二岁"]),         # a range of neighbouring digits is well formed
    ("价值十两黄金", ["十"]),                     # 两 after a place is the tael, not 2
    ("五十陆续到场", ["五十"]),                   # a financial digit that begins a word
])
def test_lists_identifiers_and_terms(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_numbers(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("营收为100/120/145亿元", [10000000000, 12000000000, 14500000000]),
    ("EPS为1.25/1.58/1.92元", [Decimal("1.25"), Decimal("1.58"), Decimal("1.92")]),
    ("分别为12.3亿、15.6亿、18.9亿元", [1230000000, 1560000000, 1890000000]),
    ("归母净利润分别为12.3、15.6、18.9亿元", [1230000000, 1560000000, 1890000000]),  # bare items before 、
    ("对应EPS为2.35、2.88元", [Decimal("2.35"), Decimal("2.88")]),
])
def test_a_series_shares_its_last_unit(text: str, expected: list[object]) -> None:
    found = find_numbers(text)
    assert [m.value for m in found] == expected
    assert all(type(m.value) is type(v) for m, v in zip(found, expected, strict=True))
    assert {(m.unit, m.kind, m.currency) for m in found} == {("元", "money", "CNY")}


def test_a_change_and_the_level_it_reached_are_two_figures() -> None:
    assert [m.value for m in find_numbers("存款總額增加15.3億元至2,185億元")] == [1530000000, 218500000000]
    found = find_numbers("预计净利润增长10%至50%")  # a forecast range of growth
    assert [(m.low, m.high) for m in found] == [(10, 50)]


def test_a_slash_series_is_no_fraction() -> None:
    assert [(m.value, m.unit, m.kind) for m in find_numbers("对应PE为25/20/16倍")] == [
        (25, "倍", "multiple"), (20, "倍", "multiple"), (16, "倍", "multiple")]
    assert [m.value for m in find_numbers("3/4")] == [Fraction(3, 4)]  # two numbers stay a fraction


@pytest.mark.parametrize(("text", "expected"), [
    ("5MBps", []), ("3ppm", []), ("5bpx", []),  # glued to a longer Latin word: a name, no unit of ours
    ("5bp至", [("5bp", "bp")]), ("100MW。", [("100MW", "MW")]),
])
def test_a_latin_unit_is_a_whole_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.unit) for m in find_numbers(text)] == expected


def test_items_of_a_list_of_designations_are_designations() -> None:
    assert [(m.text, m.kind) for m in find_numbers("经营1、2、5及9（南）号码头")] == [
        ("1", "ordinal"), ("2", "ordinal"), ("5", "ordinal"), ("9（南）号", "ordinal")]


@pytest.mark.parametrize("text", ["三角形", "冰山一角", "露出一角。", "大陆分公司", "队伍分成", "十分重要",
                                  "三元电池", "三元锂电池", "三元材料"])  # (ternary batteries: no three yuan)
def test_corners_and_ordinary_characters_are_not_money(text: str) -> None:
    assert find_numbers(text) == []


def test_bounds_of_separate_clauses_stay_apart() -> None:
    assert [m.text for m in find_numbers("超过3家，不到5家")] == ["超过3家", "不到5家"]
    assert [m.text for m in find_numbers("x大于10且y小于20")] == ["大于10", "小于20"]
    # an upper bound below the lower one is not an interval
    assert len(find_numbers("大于50小于12")) == 2


@pytest.mark.parametrize("text", ["1万(含)-5万元", "五元六角-五元七毛八分", "30%-5%", "预计营收8亿元（含税）-9亿元"])
def test_dash_between_figures_is_not_a_minus(text: str) -> None:
    assert all(not isinstance(m.value, str) and (m.value is None or m.value >= 0)
               for m in find_numbers(text))


# Whole records, span and currency included.
def _money(text: str, start: int, value: object = None, *, qualifier: str | None = None,
           low: object = None, high: object = None) -> NumberMention:
    return NumberMention(text=text, start=start, end=start + len(text), value=value, kind="money", unit="元",
                         qualifier=qualifier, low=low, high=high, currency="CNY")


def _people(text: str, start: int, low: object, high: object) -> NumberMention:
    return NumberMention(text=text, start=start, end=start + len(text), value=None, kind="cardinal", unit="人",
                         low=low, high=high)


WHOLE_RECORDS = [
    # a group holding a magnitude, multiplied by the same magnitude again:
    # 两万两千万 is 22000 × 10000, as 一万五千亿 is 15000 × 10**8
    ("营收两万两千万元", [_money("两万两千万元", 2, 220000000)]),
    ("营收两万两千多万元", [_money("两万两千多万元", 2, 220000000, qualifier=">", low=220000000, high=230000000)]),
    ("营收1万2千万元", [_money("1万2千万元", 2, 120000000)]),
    ("营收1万2千多万元", [_money("1万2千多万元", 2, 120000000, qualifier=">", low=120000000, high=130000000)]),
    ("营收三万五千五百万元", [_money("三万五千五百万元", 2, 355000000)]),
    ("营收三千五百多万元", [_money("三千五百多万元", 2, 35000000, qualifier=">", low=35000000, high=36000000)]),
    ("营收一万二千多亿元", [_money("一万二千多亿元", 2, 1200000000000, qualifier=">", low=1200000000000,
                                high=1300000000000)]),
    ("营收一万五千亿元", [_money("一万五千亿元", 2, 1500000000000)]),
    ("用户两万两千多万人", [NumberMention(text="两万两千多万人", start=2, end=9, value=220000000, kind="cardinal",
                                       unit="人", qualifier=">", low=220000000, high=230000000)]),
    # a bracketed remark between a figure and a dash: the dash makes a range
    ("价格为1万元(不含增值税)-5万元", [_money("1万元(不含增值税)-5万元", 3, low=10000, high=50000)]),
    ("价格为1万元（不含税）-5万元", [_money("1万元（不含税）-5万元", 3, low=10000, high=50000)]),
    ("价格为1万元(含运费)~5万元", [_money("1万元(含运费)~5万元", 3, low=10000, high=50000)]),
    ("价格为1万元-5万元", [_money("1万元-5万元", 3, low=10000, high=50000)]),
    # a minus that opens a bracket or follows a label keeps its sign
    ("本期3万元（-5万元）", [_money("3万元", 2, 30000), _money("-5万元", 6, -50000)]),
    ("利润：（-5万元）", [_money("-5万元", 4, -50000)]),
    ("同比-5%", [NumberMention(text="-5%", start=2, end=5, value=-5, kind="percent", unit="%")]),
    ("增长率：-5%", [NumberMention(text="-5%", start=4, end=7, value=-5, kind="percent", unit="%")]),
    # 几多: a doubled vague tail, read as 几 alone
    ("来了二十几多人", [_people("二十几多人", 2, 21, 29)]),
    ("来了二十几人", [_people("二十几人", 2, 21, 29)]),
    ("来了20几多人", [_people("20几多人", 2, 21, 29)]),
    ("花了三十几多万元", [_money("三十几多万元", 2, low=310000, high=390000)]),
    ("来了二十多人", [NumberMention(text="二十多人", start=2, end=6, value=20, kind="cardinal", unit="人",
                                  qualifier=">", low=20, high=30)]),
]


@pytest.mark.parametrize(("text", "expected"), WHOLE_RECORDS)
def test_form_reads_to_whole_mentions(text: str, expected: list[NumberMention]) -> None:
    found = find_numbers(text)
    assert found == expected
    assert [(type(m.value), type(m.low), type(m.high)) for m in found] == \
        [(type(m.value), type(m.low), type(m.high)) for m in expected]


def test_money_tail_stays_inside_the_text() -> None:
    for text in ("三块五", "两块", "一块二", "三元零五"):
        assert all(m.end <= len(text) and text[m.start:m.end] == m.text for m in find_numbers(text))


@pytest.mark.parametrize(("text", "surface", "value", "low", "high", "unit", "qualifier", "kind"), FORMS)
def test_form(text: str, surface: str, value: object, low: object, high: object,
              unit: str | None, qualifier: str | None, kind: str) -> None:
    found = [m for m in find_numbers(text) if m.text == surface]
    assert found, [m.text for m in find_numbers(text)]
    m = found[0]
    assert text[m.start:m.end] == surface
    assert (m.value, m.low, m.high, m.unit, m.qualifier, m.kind) == (value, low, high, unit, qualifier, kind)
    for got, want in ((m.value, value), (m.low, low), (m.high, high)):
        assert type(got) is type(want)


@pytest.mark.parametrize("text", [
    "萬達廣場", "千變萬化", "一些趨勢", "統一", "5G網絡", "4S店", "2C和2B", ".com 2.0", "零售数字化2.0",
    "95後", "一個重要里程碑", "一段時間", "這一點", "每一個", "下一個", "另一方面", "新一代", "一起成長",
    "一直", "一定", "進一步", "獨一無二", "幾乎", "十分重要", "千人千面", "《一线》", "一汽", "二維碼",
    "第一產業增加值", "第三产业",  # sectors of an economy
    "7-11便利店", "7-ELEVEN門市", "三只松鼠",  # brands
    "十四五期间", "“十三五”规划", "十一期间", "五一期间", "双11期间", "618期间",  # plans and holidays
    "下半年", "半年度报告", "四川", "陆地", "队伍", "收拾", "千万不要", "万万", "https://x.com/a?q=30%25",
    "IQ4", "Q5", "H5页面", "MP3", "新药CY-201获批", "XR-7机型",  # models and drugs
    "实现两位数增长", "6位数密码",  # how many digits, not a count
    "中芯国际(688981)今日", "五粮液（000858）股价", "腾讯控股(00700)", "台積電(2330)營收",  # stock codes
    "上世纪九十年代", "90年代末",  # decades whose century is not written
    "今年双十一", "双11当天", "恒生指数年内下跌",  # a festival; 指数 then 年内
    "当日14:30，公司股价跳水", "会议于9:30开始",  # times of day
    "台積電今（10）日公布", "昨（9）日",  # a news dateline
    "千克", "元/千瓦时",  # a unit word that opens with a magnitude
    "三一重工", "五一假期", "十一黄金周", "千兆宽带", "二级市场", "金九银十",  # names and terms
    "二手樓價", "三大法人", "三率三升",  # terms
    "半月形的广场", "订阅《半月谈》",  # 半月 without 个 is no half month
])
def test_not_a_quantity(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize("text", ["我讲两个点", "有三个点要说"])
def test_points_without_a_change_are_counted(text: str) -> None:
    assert [(m.unit, m.kind) for m in find_numbers(text)] == [("个", "cardinal")]


def test_counting_one_is_kept() -> None:
    assert [m.text for m in find_numbers("一個是2C的合作伙伴,一種是收穫感")] == ["一個", "一種"]
    assert [m.text for m in find_numbers("每12個廣東人中,就有一個,")] == ["12個", "一個"]


def test_enumeration_one_is_ordinal() -> None:
    [m] = find_numbers("一是推動轉型")
    assert (m.text, m.kind, m.value) == ("一", "ordinal", 1)


def test_two_points_not_a_range() -> None:
    assert [m.value for m in find_numbers("從4300萬增長到8200萬")] == [43000000, 82000000]
    assert [m.value for m in find_numbers("從2008年到2016年")] == [2008, 2016]


def test_chinese_comma_is_not_a_thousands_separator() -> None:
    assert [m.value for m in find_numbers("分别为1，2")] == [1, 2]
    assert [m.value for m in find_numbers("1,234家")] == [1234]


@pytest.mark.parametrize("bad", [b"100", 100, None])
def test_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        find_numbers(bad)  # type: ignore[arg-type]


def test_records_are_json_safe() -> None:
    [m] = find_numbers("八分之一")
    assert m.to_dict()["value"] == "1/8"
    [m] = find_numbers("1.1億")
    assert m.to_dict()["value"] == "110000000"
    assert m.value_float == 110000000.0


def test_bare_yuan_takes_the_local_dollar() -> None:
    """In a paragraph that counts in Hong Kong, Taiwan or Macau dollars, a bare
    元 is that dollar; 人民币 and a new paragraph reset it."""
    got = [(m.text, m.currency) for m in find_numbers("每股作價港幣8元。翌日的股價更曾跌穿7元。")]
    assert got == [("港幣8元", "HKD"), ("7元", "HKD")]
    assert [m.currency for m in find_numbers("新台币177亿。\n门票5元")] == ["TWD", "CNY"]
    assert [m.currency for m in find_numbers("港币3元，人民币5元")] == ["HKD", "CNY"]
    assert [m.currency for m in find_numbers("收入5元和10元")] == ["CNY", "CNY"]


@pytest.mark.parametrize(("text", "currency"), [
    ("公司获得NT$150亿元联贷", "TWD"), ("每股15港仙", "HKD"), ("每股派息12美仙", "USD"),
    ("三千块人民币", "CNY"), ("五百块美金", "USD"), ("一萬多塊台幣", "TWD"),  # the currency after 块
])
def test_currency_named(text: str, currency: str) -> None:
    assert [m.currency for m in find_numbers(text)] == [currency]


# Around plain Arabic numbers: everything that could join one, or not.
_AROUND_DIGITS = st.sampled_from(list("0123456789,，.、 　/-~年月日财号后QHqhkKwG第其之前负下约超过近为是:#的和与在《》")
                                 + list("个家位台臺次种万亿萬億多余半期级对点块元%人只") + ["以上", "左右", "个月", "小时",
                                 "百分点", "号码头", "期间", "kg", "GB", "代码", "编号", "股票代码", "電話", "之间",
                                 "www.", "2.0", "见实", "直播", "7-11便利", "2018年", "年代", "年底", "财年",
                                 "(", ")", "（", "）", "股价", "688981", "00700", "2330", "提升了", "个点", "千元", "Top", "p", "毛", "FY", "3Q", "1H", "附近", "区间"])


@given(st.lists(_AROUND_DIGITS, max_size=24).map("".join))
@example("股票代码600519、600520、600521")
@example("1 2 3，4、5、6")
@example("Q3 2023 约 5 负 7")
@example("超过100萬臺，1,105件、13位以上")
@example("共1,105")
@example("中芯国际(688981)")
@example("年(688981")  # a bracket that the text never closes
def test_plain_numbers_read_as_the_full_read_does(text: str) -> None:
    """The short paths for plain Arabic numbers and Arabic counts (13位,
    100萬臺) give what the full read of the same text gives."""
    def typed(found: list[NumberMention]) -> list[tuple[object, ...]]:
        return [(m, type(m.value), type(m.low), type(m.high)) for m in found]  # 2 == Decimal("2.0")

    fast = typed(find_numbers(text))
    with mock.patch.object(scan, "_plain_arabic", lambda *args: None):
        full = typed(find_numbers(text))
    assert fast == full

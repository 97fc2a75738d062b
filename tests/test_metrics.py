"""Metrics: subject, entity, period, change and category of each figure; parse and exports."""
from __future__ import annotations

import csv
import datetime
import io
import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnreport import Metric, Report, find_numbers, parse, parse_many, segment, tag_metrics

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED = ROOT / "seeds" / "000_f7e51955b27f69e8.txt"


def _only(text: str) -> Metric:
    metrics = parse(text).metrics
    assert len(metrics) == 1, [m.mention.text for m in metrics]
    return metrics[0]


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("騰訊全網服務器總量已經超過100萬臺", "超過100萬臺", "服務器總量"),
    ("騰訊雲目前有超過200種IaaS、PaaS、SaaS產品", "超過200種", "IaaS、PaaS、SaaS產品"),
    ("已經有450萬個應用和系統接入了企業微信", "450萬個", "應用和系統"),
    ("騰訊雲在中國雲計算領域的專利申請數量為3147個", "3147個", "專利申請數量"),
    ("我們與廣汽、長安等19家合作伙伴攜手", "19家", "合作伙伴"),
    ("大概有1.1億的用戶使用了各類微信上的醫療服務", "1.1億", "用戶"),
    ("三款信息流產品已經有日活躍用戶1.58億", "1.58億", "日活躍用戶"),
    ("是中國首家服務器總量超過百萬的公司", "超過百萬", "服務器總量"),
    ("28部電影貢獻了超過430億的全球票房", "超過430億", "票房"),
    ("累計提供了470萬次精確的導診服務", "470萬次", "導診服務"),
    ("中國網民已經突破了11億", "11億", "網民"),
    ("营收同比增长15%至100亿元", "100亿元", "营收"),
    # place words stay with the measure, as prefixes do
    ("公司海外收入同比增长20%", "20%", "海外收入"),
    # a known organisation is the entity; the nouns after it are measured
    ("伊利液态奶销量下降了3%", "3%", "液态奶销量"),
    # after a percentage, 的 + noun names what it is a share of
    ("基金持有该银行约8%的股份", "约8%", "股份"),
    # the share belongs to the part before 占 or 相当于
    ("研发支出占营收的15%", "15%", "研发支出"),
    ("全市人口占全省总人口约三成", "约三成", "人口"),
    ("当年出口额达到2万亿美元，相当于GDP的20%", "20%", "出口额"),
    # 市占率 and 应占 are words, not the verb 占
    ("小米市占率约13%", "约13%", "市占率"),
    # X是Y的N倍: Y is the basis, the multiple is X's
    ("公司的营收是五年前的三倍", "三倍", "营收"),
    ("股价只有发行时的一半", "一半", "股价"),
    # 完成Y的N%, 恢复至Y的N成: Y is the target or the base, the figure is the subject's before
    ("合同銷售額約為1,020億元，完成全年目標的58%", "58%", "合同銷售額"),
    ("澳門去年接待旅客2,800萬人次，恢復至疫情前的七成左右", "七成左右", "旅客"),
    # 高峰时的: a time clause between the subject and the figure
    ("员工人数由高峰时的2万人减至8000人", "2万人", "员工人数"),
    # a fiscal quarter before the measure is its period, not its subject
    ("公司第二财季纯利为2.49亿美元", "2.49亿美元", "纯利"),
    # 较前年 is the basis of the change, the measure is the one before
    ("失业率为2.9%，较前年回落0.6个百分点", "0.6个百分点", "失业率"),
    ("中國內地訪港旅客人數在2018年高達5,100萬人次", "5,100萬人次", "中國內地訪港旅客人數"),  # one place
    ("第一產業增加值844.52億元，增長5.1％", "844.52億元", "第一產業增加值"),
    # a prefix between two nouns joins them into one measure
    ("2023年城镇居民人均可支配收入为51821元", "51821元", "城镇居民人均可支配收入"),
    ("招商银行零售客户总资产余额达13.3万亿元", "13.3万亿元", "零售客户总资产余额"),
    ("地铁2号线日均客流量达到100万人次", "100万人次", "日均客流量"),  # not 线 + 日均
    # read forwards, a prefix stays with its noun
    ("只有不到三成的受访企业表示会扩产", "不到三成", "受访企业"),
    # a prefix between the subject and the figure belongs to the verb or the figure
    ("门店数量净减少了50家", "50家", "门店数量"),
    ("董事会拟配发现金股利每股2元", "2元", "现金股利"),
    # a place word for "here" or "all of it" is scope, not subject
    ("本市社会消费品零售总额突破1万亿元", "1万亿元", "社会消费品零售总额"),
    # in brackets after a name, the figure is the name's share of what opens the clause
    ("收入主要来自华东（60%）和华南（30%）", "60%", "收入"),
    # a share in a clause of 其中 is of the figure before
    ("公司共有1.2万名员工，其中约三分之二在上海", "约三分之二", "员工"),
    # a change named after the figure (N%的增长) is of the measure before it
    ("营收实现了15%的增长", "15%", "营收"),
    # after 的, a verb is named: what the share is of
    ("研发人员中有10%的投入在海外", "10%", "投入"),
    # 以X计 names the measure a ranking is made by
    ("以存款余额计(3.2万亿元)是全省第一大银行", "3.2万亿元", "存款余额"),
    ("该银行在领先的200家企业中排名第26", "200家", "企业"),  # 中 + 排名, not 中排
    ("像月薪 16 萬就可以拿", "16 萬", "月薪"),  # a space sets the figure off
    # what a count counts: in quotes, or a verb named by the measure word
    ("劉熾平用了三個“演化”來提示", "三個", "演化"),
    ("為了做好3個演化。", "3個", "演化"),
    ("付費率升至18.1%", "18.1%", "付費率"),  # a rate noun jieba lacks
    # the 年 of 全年 is the period's (not 年销量), and a period is no subject:
    # a clause that opens with one goes on with the measure before
    ("比亚迪2023年全年销量302万辆", "302万辆", "销量"),
    ("美团第二季度经营利润为47亿元，去年同期为9.24亿元。", "9.24亿元", "经营利润"),
    ("恒生指數收市報17,500點", "17,500點", "恒生指數"),  # 收市報 is the verb
    ("股价年内累计跌幅超过40%", "超过40%", "跌幅"),  # a change's noun is its subject
    # after a count's measure word, a verb before a noun names a kind of it
    ("集团共经营31个生产基地及90家工厂", "31个", "生产基地"),
    ("汇丰保险以41亿元收购恒生保险30%股权", "30%", "股权"),  # (a price's verb stays a verb)
    ("南亞科第3季虧損新台幣15.2億元", "新台幣15.2億元", "虧損"),  # the 季 is the period's
    # expense lines: 为 before the figure is the copula (not the dictionary's 用为)
    ("公司研发费用为8.6亿元", "8.6亿元", "研发费用"),
    ("报告期内，公司销售费用为12亿元，管理费用为5亿元", "5亿元", "管理费用"),
    ("公司扣非净利润为5.6亿元", "5.6亿元", "扣非净利润"),  # 公司 alone is dropped from the front
    ("截至去年底，澳洲的人口約為2,680萬", "2,680萬", "人口"),  # but 約為 stays a verb
    # how a growth is measured is not what grows
    ("10月份，全国规模以上工业增加值同比实际增长4.6%", "4.6%", "规模以上工业增加值"),
    ("社会消费品零售总额同比增长7.6%，增速比上月加快2.1个百分点", "2.1个百分点", "增速"),
    ("晨岭科技研发投入比重为12%。", "12%", "研发投入"),
    ("平台共接入3类12种45组450个应用", "3类", "应用"),  # three figures deep, the first still counts 应用  # 比重 is the share's word, not the measure's
    ("晨岭科技拥有31个 生产基地。", "31个", "生产基地"),
    # a measure before 达 or 为 is what a count measures; the noun after it is its unit
    ("恒川物流的集装箱处理量达180万个标准箱", "180万个", "集装箱处理量"),
    ("該站客流量為3000萬人次", "3000萬人次", "客流量"),
    # a share with no part named goes on about the figure before it, not that figure's unit
    ("恒川物流的集装箱处理量达180万个标准箱，约占全港吞吐量的22%", "22%", "集装箱处理量"),
    # a topic's frame names what the next clause measures (and no one)
    ("单量方面，三季度完成38.6亿件。", "38.6亿件", "单量"),
    ("澳門11月賭收按年升9%。", "9%", "賭收"),  # Macau's gaming revenue, a measure of its own
    ("本季每股配息5元。", "5元", "每股配息"),
    ("磷酸铁锂电池装车量为70.1GWh。", "70.1GWh", "磷酸铁锂电池装车量"),  # an industry's words, no name
    # 回购 names what a buyback's amounts are of; the second bound of an amount measures what the first does
    ("回购资金总额不低于1亿元（含）且不超过2亿元（含）。", "不超过2亿元", "回购资金总额"),
    ("回購價格不超過28.5元/股。", "不超過28.5元/股", "回購價格"),
    ("客流量去年增加咗超過四成。", "超過四成", "客流量"),  # the Cantonese 了 after the verb
    # before 在 and a figure, 在 is the preposition, and a word after an adverb the verb
    ("明年資本支出初步規劃在新台幣1,200億元左右", "新台幣1,200億元左右", "資本支出"),
    ("明年资本支出初步规划在1200亿元左右", "1200亿元左右", "资本支出"),
    ("盈利方面，本季錄得12億元。", "12億元", "盈利"),  # one space between a count and what it counts
    # what a determiner and a measure word count is a thing, whatever the dictionary tags it
    ("那根吸管是0.8元，太贵了。", "0.8元", "吸管"),
    ("這根吸管賣1.2元。", "1.2元", "吸管"),
    ("晨岭科技这次投入3亿元。", "3亿元", "投入"),
    ("本次发行概况\n每股发行价格：19.35元", "19.35元", "每股发行价格"),  # a label whose words the dictionary reads as a verb
    ("本次发行概况\n发行市盈率：21.6倍", "21.6倍", "市盈率"),  # a short label ending in a measure's name
    ("晨湛國際旗下「小湛鮮奶茶」門市達85家。", "85家", "門市"),  # the quote's close is the name's
    # a statistics release's measures, whole
    ("一般公共预算收入3,180亿元，增长5%。", "3,180亿元", "一般公共预算收入"),
    ("城镇新增就业68万人。", "68万人", "城镇新增就业"),
    ("快递揽收量12亿件。", "12亿件", "揽收量"),
])
def test_subject(text: str, figure: str, subject: str) -> None:
    got = {m.mention.text: m.subject for m in parse(text).metrics}
    assert got[figure] == subject


@pytest.mark.parametrize(("text", "entity"), [
    ("騰訊雲在中國雲計算領域的專利申請數量為3147個", "騰訊雲"),
    ("截至2019年3月底,騰訊視頻付費會員達到8900萬", "騰訊視頻"),
    ("在沃爾瑪裡面,排隊時間減少了300小時,門店有100家", "沃爾瑪"),
    ("騰訊全網服務器總量已經超過100萬臺", "騰訊"),
    ("伊利液态奶销量下降了3%", "伊利"),
    ("公司研发人员从1200人增加到2100人", None),   # 公司 alone names nobody
    ("台积电第三季营收达5467亿新台币", "台积电"),   # a company of the lexicon
    # a company's full name: its legal ending, a place inside it, a note in brackets
    ("長江和記實業有限公司的零售業務擁有超過16,000家門店", "零售業務"),  # its business line
    ("金沙中國有限公司去年經調整EBITDA為25億美元", "金沙中國有限公司"),
    ("中国平安保险（集团）股份有限公司的代理人数量为44万人", "中国平安保险（集团）股份有限公司"),
    ("富邦金控旗下台北富邦銀行的存款餘額突破4兆元", "台北富邦銀行"),  # the subsidiary's figure
    ("华润万家2023年营收为1000亿元", "华润万家"),  # the name runs to the time
    ("澳门博彩毛收入为509亿澳门元", "澳门"),       # the name stops at the measure
    ("腾讯音乐付费用户达到1亿", "腾讯音乐"),
    ("泰国主要出口市场为美国(17.4%)", "美国"),     # a partner's share: the partner
    ("後來網易的註冊用戶突破了3億", "網易"),  # a time word before the name is not in it
    ("以色列的研發支出佔國內生產總值的5.6%", "以色列"),  # a place name that opens with 以
    ("截至2006年，印尼失业率是约9.75%", "印尼"),   # so does a word for a rate, amount or volume
    ("美团营收增长22%，而饿了么营收下降3%", "饿了么"),  # the company after 而, not the first clause's
    ("南亞科第3季虧損新台幣15.2億元", "南亞科"),  # no dictionary word (科第) runs into the figure
    ("新鴻基地產股東應佔溢利為193億港元", "新鴻基地產"),
    ("来源：晨岭银行\n\n去年营收为80亿元。", None),  # the source line names no one the figures are about
    ("晨岭银行行长周立介绍\n去年营收为80亿元，同比增长12%。", "晨岭银行"),  # a person is no topic
    ("目前约200家门店与华润万家合作", None),
    ("国产车企晨岭去年交付汽车16万辆。", "晨岭"),
    ("晨岭全球营收为80亿元。", "晨岭"),
    ("分业务看，快递业务收入89.4亿元。", "快递业务"),  # a topic's frame is no name; the line after it is
    ("单票成本是1.62元，比去年同期降了0.11元。", None),  # (per parcel: no one's name)
    # a clause that is a name, a time and a verb of announcing: the name the dictionary reads as other words
    ("安怡服务今日公布，期内收益增长8%。", "安怡服务"),
    ("永發控股收報6.82港元。另一物管同業安怡服務同日公布，期內收益按年增長8%。", "安怡服務"),
    ("盈利预测与投资建议：我们预计净利润为12亿元。", None),  # a note's heading announces nothing
    ("其中宁川科技以37.6GWh位居第一；恒驰锂能装车量为7.0GWh。", "恒驰锂能"),  # a trade's ending (锂能)
    # 本集團 that the announcement declares for its company stands for it
    ("本公告乃由恆海國際控股有限公司（「本公司」，連同其附屬公司統稱「本集團」）作出。\n\n"
     "本集團預期錄得虧損約港幣1億2,300萬元。", "恆海國際"),
    ("恆海國際控股有限公司（「本公司」）宣佈，本公司期內收益為港幣6億元。", "恆海國際"),
    # the company an announcement is headed and signed by is whom it is about (not 香港 of its sign-off)
    ("恆海國際控股有限公司\n\n盈利警告\n\n收益按年下跌約35%至約港幣6億8,000萬元。\n\n"
     "承董事會命\n恆海國際控股有限公司\n主席\n香港，二零二六年八月五日", "恆海國際"),
    # a clause that returns to a name makes it the topic the next clauses go on about
    ("晶泰新能去年营收为50亿元。回到隆晟能源，集团在10月底宣布将以21亿元收购一家储能企业。", "隆晟能源"),
    # a company named after a date is the topic of the next sentence (the date is not in its name)
    ("2024年6月10日恒泰食品公司斥资77亿美元收购远洋品牌。计入承担的债务后，交易总价为85.5亿美元。", "恒泰食品公司"),
    ("二〇二四年六月十日恒泰食品公司斥資77億美元收購遠洋品牌。計入承擔的債務後，交易總價為85.5億美元。", "恒泰食品公司"),
    # a headline that is a name, a time and the name's event or report: whom the text is about
    # (names that open with a verb of the dictionary: 启航, 振兴)
    ("啟航智造2025年半年度業績說明會\n\n主持人：歡迎各位。\n\n陳立群：上半年，公司實現營業收入47.3億元。", "啟航智造"),
    ("振兴精工2024年年报点评\n\n主持人：各位好。\n\n陈立群：2024年，公司实现营业收入47.3亿元。", "振兴精工"),
    # a trade's description opens the clause, the name follows it before the time of its figures
    ("散熱模組廠晨鴻科10月營收21.8億元。", "晨鴻科"),
    ("被动元件大厂岚晶10月营收118.7亿元。", "岚晶"),
    # a coined name that opens with a verb of the dictionary, before its time or a verb of saying;
    # a description of whom is no name
    ("启航汽车11月交付3.2万辆。", "启航汽车"),
    ("振兴集团表示，今年营收增长5%。", "振兴集团"),
    ("承贷银行最后同意核贷300万元。", None),
    ("公司未来三年营收将增长30%。", None),  # a time is in no name: 公司 stands for no one here
    # two brands of a group, counted together, are the group's; one brand after 旗下 is itself
    ("根據業者資料，晨湛國際旗下「晨湛」與「小湛鮮奶茶」兩品牌，全球門市合計2,318家。", "晨湛國際"),
    ("晨湛國際旗下「小湛鮮奶茶」門市達85家。", "小湛鮮奶茶"),
    # a speaker's label names who speaks, not whose figures follow
    ("晨宏半導體第三季法人說明會紀要\n\n主持人：歡迎各位法人參加。\n\n吳家豪（財務長）：第三季合併營收新台幣486.2億元。",
     "晨宏半導體"),
    # a time the text defines in quotes is no name
    ("本報告涵蓋晨杉控股（「本集團」）於2024年1月1日至12月31日（「報告期」）之表現。報告期內，本集團總用電量為4.2億千瓦時。",
     "晨杉控股"),
    ("晨山置业10月销售额88亿元。另一营运商岭岚娱乐9月市占率约18%。", "岭岚娱乐"),  # a description, then the name
    ("市場估計岭晟娛樂9月市佔率約18%。", "岭晟娛樂"),  # who estimates opens the clause, then whom
    # a place keeps its administrative word; a capital's description is not its name
    ("东平市规模以上工业增加值增长6.2%。", "东平市"),
    ("省会东平市地区生产总值达5,200亿元。", "东平"),
    # a comparison's 较 is in no name
    ("泰霖電機將以每股48.5元收購宏穎工業，收購價格較宏穎前一交易日收盤價溢價約21.9%。", "泰霖電機"),
    # a paper's lead-in is a credit, not whom its figures are about
    ("本报讯（记者 王明）晨岭科技昨日公布三季报。报告显示，净利润为8亿元。", "晨岭科技"),
    ("本報北京10月28日電（記者 王明）晨嶺科技昨日公布三季報。報告顯示，淨利潤為8億元。", "晨嶺科技"),  # a scope word ends the name unless a company ending follows it  # a description before a two-character name is not in it  # a name after the figure, with no verb between, is no object
])
def test_entity(text: str, entity: Optional[str]) -> None:
    assert parse(text).metrics[-1].entity == entity


@pytest.mark.parametrize(("text", "entity", "key"), [
    ("重庆市去年地区生产总值增长6.1%", "重庆市", "重庆"),  # a known place's 市 joins it with 重庆
    ("重慶去年地區生產總值增長6.1%", "重慶", "重庆"),
    ("广东省去年地区生产总值增长4.8%", "广东省", "广东"),
    ("华晟食品控股有限公司去年营收为12亿元", "华晟食品控股有限公司", "华晟食品"),
])
def test_entity_key_joins_the_forms_of_a_name(text: str, entity: str, key: str) -> None:
    m = parse(text).metrics[-1]
    assert (m.entity, m.entity_key) == (entity, key)


@pytest.mark.parametrize(("text", "entity", "subject"), [
    ("岚海科技表示，公司今年营收有望突破20亿元。", "岚海科技", "营收"),     # a company that speaks of itself
    ("岚海科技董事长张明表示，公司今年营收有望突破20亿元。", "岚海科技", "营收"),  # the company of who speaks
    ("据晨岭股份公告，公司上半年实现营业收入12.3亿元。", "晨岭股份", "营业收入"),  # the company that announces
    ("在恒岳集团的业绩会上，管理层表示毛利率为32.1%。", "恒岳集团", "毛利率"),   # the company holding the event
    ("岚海科技发布公告：2024年归母净利润3.2亿元。", "岚海科技", "归母净利润"),   # who announces is no label
    ("国家统计局数据显示，全国社会消费品零售总额增长5%。", None, "社会消费品零售总额"),  # a source, not whom
    ("岚海保险表示，代理人数目较去年底增加1,200名。", "岚海保险", "代理人数目"),  # no name ends with 较
    ("晨岭股份业绩增长12%。", "晨岭股份", "业绩"),         # a measure ends a name
    ("岚海保险新业务价值按年增长33%。", "岚海保险", "新业务价值"),
    ("岚海董事会决议配发现金股利每股3元。", "岚海", "现金股利"),   # who decides is no part of it
])
def test_entity_of_who_speaks_or_announces(text: str, entity: Optional[str], subject: str) -> None:
    m = _only(text)
    assert (m.entity, m.subject) == (entity, subject)


@pytest.mark.parametrize(("text", "subject"), [
    ("晨岭咖啡第三季的翻台率为3.4次。", "翻台率"),     # a rate of what a verb says is a noun
    ("公司货车装载率达到91%。", "货车装载率"),           # 装载 + 率, not 装 + 载率
    ("岚海的续费率为88%。", "续费率"),
    ("会员复购率提升至35%。", "会员复购率"),
    ("该项目去化率约为62%。", "去化率"),
    ("公司当季回款率为96%。", "回款率"),
    ("该品牌的市场占有率为12%。", "市场占有率"),       # 占 inside a rate's noun is no share
    ("公司率先推出3款新品。", "新品"),                 # 率先 is no rate
    ("截至年底，集团应收账款为12.3亿元。", "应收账款"),  # statement items whole, not their last word
    ("期内可供分派收入为6.8亿港元。", "可供分派收入"),
    ("公司全年自由现金流约15亿元。", "自由现金流"),
    ("报告期内，公司新签合同额达到300亿元。", "新签合同额"),
    ("岚海2024年加权平均净资产收益率为12.3%。", "加权平均净资产收益率"),
    ("公司本期公允价值变动收益为2亿元。", "公允价值变动收益"),
    ("本次发行募集资金总额为12亿元。", "募集资金总额"),
    ("公司全年销量达到45万辆。", "销量"),                # the period after an owner is the figure's
    ("该国拥有2.5亿人口。", "人口"),                     # a unit that is what is counted
    ("报告期内，公司经营活动产生的现金流量净额为5.6亿元。", "经营活动产生的现金流量净额"),  # a statement's qualifier
    ("公司实现归属于上市公司股东的扣除非经常性损益的净利润3.2亿元。",
     "归属于上市公司股东的扣除非经常性损益的净利润"),
    ("本次交易对价合计为12.5亿元。", "交易对价"),
    ("公司2024年年度营业收入38.6亿元。", "营业收入"),    # the 年度 after a year is the year's
    ("公司年度经常性收入为19.8亿元。", "年度经常性收入"),  # alone, the measure's
    ("岚海的业务覆盖全国31省市。", "省市"),
    ("归属于上市公司股东的净利润：本报告期盈利6,800万元。", "归属于上市公司股东的净利润"),  # a label with 的
])
def test_subject_of_industry_measures(text: str, subject: str) -> None:
    assert _only(text).subject == subject


@pytest.mark.parametrize(("text", "period"), [
    ("年底时公司净债务为186亿元。", "年底"),           # a point of the year alone
    ("届时月产能将达到22亿颗。", "届时"),               # the time a plan speaks of
    ("每一年有5个博士生来岚海实习。", "每一年"),        # a rate's period
    ("岚海股价翌日下跌5%。", "翌日"),                   # the day after
    ("去年年底公司净债务为186亿元。", "去年年底"),
    ("岚海今早股价跌2.9%。", "今早"),
    ("截至2019年3月底,騰訊視頻付費會員達到8900萬", "截至2019年3月底"),
    ("過去一年,大概有1.1億的用戶使用了醫療服務", "過去一年"),
    ("2018年,中國網絡遊戲的用戶達到5~6億", "2018年"),
    ("一季度数据显示,中国网民已经突破了11亿", "一季度"),
    ("目前全網在線視頻用戶已經突破6億", "目前"),
    ("截至发稿，蔚来股价报5.2美元", "截至发稿"),
    ("騰訊將在半年內開源10個項目", "半年內"),  # not the period word 年內 inside it
    ("中國網民已經突破了11億", None),
    # a period in parts, across 前, 首 or a range's 至
    ("越秀地產今年首8個月的合同銷售額約為1,020億元", "今年首8個月"),
    ("赣锋锂业今年前三季度净利润为100亿元", "今年前三季度"),
    ("2021年至2023年，公司研发人员增加了900人", "2021年至2023年"),
    ("招商證券今年前三季經紀業務淨收入為32億元", "今年前三季"),  # 前三季 without 度
    ("宁德时代前三季度营收为2900亿元", "前三季度"),  # the first three quarters, not the third
    ("2022年前三季度公司营收为100亿元", "2022年前三季度"),
    ("报告期内，公司实现营收100亿元", "报告期内"),  # the report's own period
    ("截至报告期末，公司总资产为520亿元", "截至报告期末"),
    # a time counted from another keeps its 后 or 前
    ("2023年10月上线，半年后用户达到三亿。", "半年后"),
    ("三年前營收僅為1億元。", "三年前"),
    ("董事會建議在未來十二個月內回購不超過5億港元的股份。", "未來十二個月內"),  # a window ahead
    # a holiday or a shopping festival names the period of its figures
    ("国庆黄金周期间，澳门入境旅客达98万人次。", "国庆黄金周期间"),
    ("雙11期間，晨貓成交額達2,300億元。", "雙11期間"),
])
def test_period(text: str, period: Optional[str]) -> None:
    assert _only(text).period == period


def test_the_head_of_a_report_names_the_period_of_its_later_figures() -> None:
    text = ("晨嶺科技三季報：前三季度營收增長18%\n\n晨嶺科技前三季度實現營業收入86億元，同比增長18%。"
            "截至9月末，公司總資產182億元。\n\n分業務看，儲能業務收入27億元。\n\n去年同期，公司淨利潤為5億元。")
    assert [(m.mention.text, m.period, m.why[-1].rule) for m in parse(text).metrics] == [
        ("18%", "前三季度", "before"), ("86億元", "前三季度", "before"), ("18%", "前三季度", "before"),
        ("182億元", "截至9月末", "before"),
        ("27億元", "前三季度", "document"),  # the report's period, stated in its head
        ("5億元", "去年同期", "before")]


def test_the_report_period_holds_for_the_places_of_its_company() -> None:
    text = "岚悦零售全年纯利跌一成\n\n岚悦零售昨日公布全年业绩，营业额86.3亿港元。\n\n分市场看，香港营业额61.5亿港元，按年下跌4.6%。"
    assert [(m.mention.text, m.entity, m.period) for m in parse(text).metrics] == [
        ("一成", "岚悦零售", "全年"), ("86.3亿港元", "岚悦零售", "全年"), ("61.5亿港元", "香港", "全年"),
        ("4.6%", "香港", "全年")]


def test_a_comparative_in_brackets_keeps_its_time_to_itself() -> None:
    text = ("於2025年6月30日，晨嶺集團現金約為人民幣1,263.7百萬元（2024年12月31日：人民幣1,085.2百萬元），"
            "銀行借款總額為人民幣742.0百萬元。董事會宣派中期股息每股港幣8.0仙（2024年：每股港幣6.5仙），派息比率約為25%。")
    assert [(m.mention.text, m.subject, m.period) for m in parse(text).metrics] == [
        ("人民幣1,263.7百萬元", "現金", "2025年6月30日"), ("人民幣1,085.2百萬元", "現金", "2024年12月31日"),
        ("人民幣742.0百萬元", "銀行借款總額", "2025年6月30日"), ("港幣8.0仙", "中期股息", "2025年6月30日"),
        ("港幣6.5仙", "中期股息", "2024年"), ("25%", "派息比率", "2025年6月30日")]


@pytest.mark.parametrize(("text", "period"), [
    # a time that an earlier sentence of the paragraph states without a figure holds for its figures
    ("本周国内钢材价格整体企稳。上海地区螺纹钢均价报3,100元/吨。", "本周"),
    ("11月5日，國內熱軋價格小幅回落。上海地區熱軋板卷均價報3,350元/噸。", "11月5日"),
    # but not the day of an event, nor a length of time
    ("晨川矿业昨日发布业绩公告。集团铜产量为18.6万吨。", None),
    ("本季應收帳款週轉約需6天。晨川的毛利率為28%。", None),
])
def test_a_paragraph_time_without_figures_holds_for_the_next(text: str, period: Optional[str]) -> None:
    assert parse(text).metrics[-1].period == period


def test_a_base_clause_keeps_its_period_to_itself() -> None:
    text = "2024年上半年，晨岭科技营收为50亿元，去年同期为40亿元；净利润为5亿元。同期，岭川科技净利润为3亿元。"
    assert [(m.mention.text, m.period) for m in parse(text).metrics] == [
        ("50亿元", "2024年上半年"), ("40亿元", "去年同期"), ("5亿元", "2024年上半年"),
        ("3亿元", "同期")]  # (同期 opening a sentence of its own is its period)


@pytest.mark.parametrize(("text", "periods"), [
    # a year before the paragraph's own time is that time's base: it dates only its own figures
    ("晨岭科技2025年营业收入12亿元，上年分别为10亿元和8亿元。毛利率为31%。",
     ["2025年", "上年", "上年", "2025年"]),
    ("嶺川零售今年上半年營收為8.2億元。上年同期為7.5億元。門店數為420家。",
     ["今年上半年", "上年同期", "今年上半年"]),
    # stated alone, it is the paragraph's time
    ("晨岭科技去年营业收入12亿元。毛利率为31%。", ["去年", "去年"]),
])
def test_a_base_time_of_an_earlier_sentence_dates_only_its_own_figures(text: str, periods: list[str]) -> None:
    assert [m.period for m in parse(text).metrics] == periods


def test_results_the_head_announces_date_the_later_figures() -> None:
    text = ("嶺澄集團中期純利增12%\n\n嶺澄集團控股有限公司（「嶺澄集團」）昨日公布截至2026年6月30日止六個月之中期業績。\n\n"
            "若撇除一次性項目，集團基礎溢利為18.92億港元，按年增長6.3%。\n\n分部方面，港口業務收益達82.4億港元。")
    assert [(m.mention.text, m.entity, m.period, m.when.label if m.when else None) for m in parse(text).metrics] == [
        ("12%", "嶺澄集團", "截至2026年6月30日止六個月", "2026H1"),
        ("18.92億港元", "嶺澄集團", "截至2026年6月30日止六個月", "2026H1"),
        ("6.3%", "嶺澄集團", "截至2026年6月30日止六個月", "2026H1"),
        ("82.4億港元", "港口業務", "截至2026年6月30日止六個月", "2026H1")]


def test_results_announced_in_the_head_are_of_its_company_only() -> None:
    text = ("晨岭科技发布2025年年度报告。\n\n晨岭科技营收为12亿元。\n\n同行岭川科技营收为9亿元。")
    assert [(m.mention.text, m.period) for m in parse(text).metrics] == [("12亿元", "2025年"), ("9亿元", None)]


def test_a_company_report_dates_its_products_figures() -> None:
    text = ("云舟集团今日公布截至2025年12月31日止年度业绩。\n\n社交平台“轻语”的月活跃用户达到11.2亿。\n\n"
            "旗舰游戏《星海纪元》流水突破20亿元。\n\n同行岭川科技营收为90亿元。")
    assert [(m.mention.text, m.entity, m.period) for m in parse(text).metrics] == [
        ("11.2亿", "轻语", "截至2025年12月31日止年度"), ("20亿元", "星海纪元", "截至2025年12月31日止年度"),
        ("90亿元", "岭川科技", None)]


def test_a_report_dates_the_figures_of_its_regions() -> None:
    text = "汀兰乳业发布2025年年度报告。\n\n分地区看，华北区收入87.2亿元，华南区收入63.5亿元。"
    assert [(m.mention.text, m.entity, m.period) for m in parse(text).metrics] == [
        ("87.2亿元", "华北区", "2025年"), ("63.5亿元", "华南区", "2025年")]


def test_a_holiday_in_the_headline_dates_the_report() -> None:
    text = ("泉港市国庆假期旅游数据出炉：接待游客同比增长12%\n\n据统计，全市共接待游客586.3万人次。\n\n"
            "全市星级酒店平均入住率为83.5%。")
    assert [(m.mention.text, m.period) for m in parse(text).metrics] == [
        ("12%", "国庆假期"), ("586.3万人次", "国庆假期"), ("83.5%", "国庆假期")]


def test_an_instant_in_the_head_is_no_period_of_the_report() -> None:
    text = "截至2025年6月末，晨嶺銀行總資產為4,380億元。\n\n零售貸款餘額1,200億元。"
    assert [(m.mention.text, m.period) for m in parse(text).metrics] == [
        ("4,380億元", "截至2025年6月末"), ("1,200億元", None)]


def test_an_answer_measures_what_its_question_asks() -> None:
    text = ("岚海科技业绩说明会\n问：贵公司今年的毛利率目标是多少？\n答：我们预计在30%左右。\n"
            "投资者：海外收入占比多少？\n张明：目前大概占25%。\n投资者：门店呢？\n张明：三百多家。")
    assert [(m.mention.text, m.subject) for m in parse(text).metrics] == [
        ("30%左右", "毛利率"), ("25%", "海外收入"),
        ("三百多家", "门店")]   # (a figure that names its own measure keeps it)


def test_a_heading_names_the_period_of_its_section() -> None:
    text = ("一、本期业绩预计情况\n（一）归属于上市公司股东的净利润：盈利3.2亿元。\n"
            "二、上年同期业绩情况\n（一）归属于上市公司股东的净利润：2.1亿元；\n（二）每股收益：0.42元。\n"
            "三、公司营收为12亿元，同比增长5%。")
    assert [(m.mention.text, m.subject, m.period) for m in parse(text).metrics] == [
        ("3.2亿元", "归属于上市公司股东的净利润", "本期"),
        ("2.1亿元", "归属于上市公司股东的净利润", "上年同期"),   # an item's mark opens no label
        ("0.42元", "每股收益", "上年同期"),
        ("12亿元", "营收", None),   # a numbered paragraph is no heading
        ("5%", "营收", None)]


@pytest.mark.parametrize(("text", "periods"), [
    # a list of figures after a list of as many times takes them in order,
    # also after another such list of figures
    ("我们上调晨岭2025E、2026E净利润预测至5.1亿元、6.3亿元（原预测为4.8亿元、5.9亿元）。",
     ["2025E", "2026E", "2025E", "2026E"]),
    ("公司2023年、2024年营收为10亿元、12亿元。", ["2023年", "2024年"]),
    ("2024年营收为10亿元、12亿元。", ["2024年", "2024年"]),   # one time is every figure's
])
def test_a_list_of_times_pairs_with_a_list_of_figures(text: str, periods: list[str]) -> None:
    assert [m.period for m in parse(text).metrics] == periods


def test_respectively_hands_out_the_years_of_a_range_as_data() -> None:
    text = "预计公司2025-2027年归母净利润分别为8.31/10.62/13.37亿元。"
    assert [(m.mention.text, m.subject, m.period, m.when and m.when.label) for m in parse(text).metrics] == [
        ("8.31", "归母净利润", "2025-2027年", "2025"), ("10.62", "归母净利润", "2025-2027年", "2026"),
        ("13.37亿元", "归母净利润", "2025-2027年", "2027")]


def test_respectively_a_change_for_each_figure() -> None:
    metrics = parse("公司营收和净利润同比分别增长9.6%和144.5%。").metrics
    assert [(m.change.direction, m.change.basis) for m in metrics] == [("up", "同比"), ("up", "同比")]
    assert parse("公司营收为100亿元，同比增加20%。").metrics[1].subject == "营收"  # 同比增加 is no noun


def test_the_base_of_a_growth_is_not_its_period() -> None:
    metrics = parse("美团第二季度经营利润为47亿元，去年同期为9.24亿元，同比增长400%。").metrics
    assert [m.period for m in metrics] == ["第二季度", "去年同期", "第二季度"]
    metrics = parse("毛利率从上年同期的18%提升至21%").metrics
    assert [m.period for m in metrics] == ["上年同期", None]


def test_a_basis_is_not_the_period() -> None:
    metrics = parse("贵州茅台上半年实现营收709亿元，较去年同期增长18.8%。").metrics
    assert [(m.mention.text, m.period) for m in metrics] == [("709亿元", "上半年"), ("18.8%", "上半年")]


def test_a_semicolon_keeps_the_name_and_period_of_its_sentence() -> None:
    metrics = parse("工商银行上半年实现净利润1751亿元，同比下降0.6%；净利息收益率为1.61%。").metrics
    assert [(m.subject, m.entity, m.period) for m in metrics] == [
        ("净利润", "工商银行", "上半年"), ("净利润", "工商银行", "上半年"), ("净利息收益率", "工商银行", "上半年")]


def test_a_name_alone_with_its_figure_takes_the_measure_before() -> None:
    metrics = parse("中国石油上半年归母净利润886亿元，中国石化为350亿元，中国海油为725亿元。").metrics
    assert [(m.subject, m.entity) for m in metrics] == [
        ("归母净利润", "中国石油"), ("归母净利润", "中国石化"), ("归母净利润", "中国海油")]
    # a clause with a measure of its own keeps it
    assert [m.subject for m in parse("营收为100亿元，净利润为20亿元。").metrics] == ["营收", "净利润"]


def test_a_name_stops_before_the_first_months() -> None:
    m = _only("越南前10個月出口額達3,350億美元")
    assert (m.entity, m.period, m.subject) == ("越南", "前10個月", "出口額")


def test_the_period_of_a_target_is_not_the_figures() -> None:
    metrics = parse("今年首8個月的合同銷售額約為1,020億元，完成全年目標的58%").metrics
    assert [(m.mention.text, m.period) for m in metrics] == [("1,020億元", "今年首8個月"), ("58%", "今年首8個月")]


def test_change_from_to() -> None:
    metrics = parse("騰訊視頻付費會員從4300萬增長到8200萬").metrics
    assert [m.mention.value for m in metrics] == [43000000, 82000000]
    change = metrics[0].change
    assert change is not None and change == metrics[1].change
    assert (change.direction, change.start.value, change.end.value) == ("up", 43000000, 82000000)
    assert change.text == "從4300萬增長到8200萬"


@pytest.mark.parametrize(("text", "direction", "basis", "level", "change_text"), [
    ("营收同比下降了13%，至157亿美元。", "down", "同比", 15700000000, "同比下降了13%，至157亿美元"),
    ("新業務價值按年增長33%至41億美元。", "up", "按年", 4100000000, "按年增長33%至41億美元"),
])
def test_change_to_a_level(text: str, direction: str, basis: str, level: int, change_text: str) -> None:
    """The figure after 至 is the level that the change before it reached."""
    size, reached = parse(text).metrics
    assert (size.change.direction, size.change.basis, size.change.end) == (direction, basis, None)
    assert reached.subject == size.subject
    change = reached.change
    assert (change.direction, change.basis, change.start, change.end) == (direction, basis, None, reached.mention)
    assert (change.end.value, type(change.end.value), change.text) == (level, type(level), change_text)


def test_change_down_with_years() -> None:
    metrics = parse("預計2019年這一增速將從2016年的37%下降至19%。").metrics
    assert [(m.mention.value, m.subject, m.category) for m in metrics] == [
        (37, "增速", "growth_rate"), (19, "增速", "growth_rate")]
    c = metrics[1].change
    assert c is not None and (c.direction, c.start.value, c.end.value) == ("down", 37, 19)
    # 2016年 is the first figure's (2016年的37%); the forecast year is before both
    assert [m.period for m in metrics] == ["2016年", "2019年"]


def test_change_with_a_year_for_each_figure() -> None:
    metrics = parse("收入從2018年的4300萬增長到2019年的8200萬。").metrics
    assert [(m.mention.value, m.period) for m in metrics] == [(43000000, "2018年"), (82000000, "2019年")]
    c = metrics[1].change
    assert c is not None and (c.direction, c.start.value, c.end.value) == ("up", 43000000, 82000000)
    assert c == metrics[0].change


@pytest.mark.parametrize("text", [
    "毛利率由第一季的30%回升至第三季的35%。",   # quarters written as ordinals
    "负债比率从去年的40%上升至今年的45%。",     # period words tied by 的
])
def test_change_with_a_period_for_each_figure(text: str) -> None:
    metrics = parse(text).metrics
    c = metrics[1].change
    assert c is not None and c == metrics[0].change and c.direction == "up"
    assert metrics[0].subject == metrics[1].subject is not None


def test_a_change_stated_twice_with_or() -> None:
    # 升320點或1.86%: the points and the percentage are the same change
    metrics = parse("恒生指數收市報17,500點，升320點或1.86%。").metrics
    assert [(m.subject, m.change.direction if m.change else None) for m in metrics] == [
        ("恒生指數", None), ("恒生指數", "up"), ("恒生指數", "up")]


def test_respectively_hands_figures_to_the_parts_in_order() -> None:
    metrics = parse("上半年营收和净利润分别为85亿元和12亿元。").metrics
    assert [(m.mention.text, m.subject) for m in metrics] == [("85亿元", "营收"), ("12亿元", "净利润")]


def test_respectively_reaches_every_part_of_a_list() -> None:
    for text, subjects in [
        ("公司毛利率、营业利润率和净利率分别为45.2%、38.1%和36.5%。", ["毛利率", "营业利润率", "净利率"]),
        ("毛利率、營益率及淨利率分別為45.2%、38.1%及36.5%。", ["毛利率", "營益率", "淨利率"]),
    ]:
        assert [m.subject for m in parse(text).metrics] == subjects


@pytest.mark.parametrize(("text", "reasons"), [
    ("营收增加了20亿元在2021年", [("subject", "before"), ("period", "after")]),
    # an anaphor too far from any name stands for the name the document is about
    ("晨岭科技2023年度报告\n\n" + "行业整体回暖，需求持续增长。" * 30 + "\n\n该公司去年营收为80亿元。",
     [("subject", "before"), ("entity", "document"), ("period", "before")]),
])
def test_each_field_names_the_rule_that_read_it(text: str, reasons: list[tuple[str, str]]) -> None:
    [metric] = parse(text).metrics
    assert [(r.field, r.rule) for r in metric.why] == reasons


@pytest.mark.parametrize(("text", "reasons"), [
    # 约11亿欧元 restates the amount before it in other terms
    ("晨岭集团斥资12亿美元（约11亿欧元）收购一家工厂。", [("subject", "restated", 4, 6), ("entity", "restated", 0, 4)]),
    # the base of a comparison measures what the figure before it does
    ("晨岭商场出租率为95.2%，较去年同期的93.8%有所上升。",
     [("subject", "base", 4, 7), ("entity", "sentence", 0, 4), ("period", "base", 15, 19)]),
    # 分别: the second figure of the list measures the second part
    ("晨岭科技的毛利率、营业利润率和净利率分别为45.2%、38.1%和36.5%。",
     [("subject", "respective", 9, 14), ("entity", "clause", 0, 4)]),
])
def test_a_second_figure_points_at_the_words_of_the_first(text: str, reasons: list[tuple[str, str, int, int]]) -> None:
    second = parse(text).metrics[1]
    assert [(r.field, r.rule, r.start, r.end) for r in second.why] == reasons


def test_respectively_hands_figures_to_the_times_in_order() -> None:
    metrics = parse("2021年和2022年，公司营收分别为36亿元和41亿元。").metrics
    assert [(m.mention.text, m.period) for m in metrics] == [("36亿元", "2021年"), ("41亿元", "2022年")]


def test_respectively_hands_figures_to_the_names_in_order() -> None:
    metrics = parse("三星、苹果和小米的市场份额分别为20%、17%和14%。").metrics
    assert [(m.subject, m.entity) for m in metrics] == [("市场份额", "三星"), ("市场份额", "苹果"), ("市场份额", "小米")]


@pytest.mark.parametrize(("text", "expected"), [
    # as many names as figures joined alike: in order, without 分别 too
    ("岚海银行和恒川银行的不良率为1.2%和1.5%。", [("不良率", "岚海银行"), ("不良率", "恒川银行")]),
    ("截至去年底，嵐海集團與恆川物流仍維持68%與27%的持股比例。",
     [("持股比例", "嵐海集團"), ("持股比例", "恆川物流")]),
    # names in another clause than the figures are not handed figures
    ("岚海集团与恒川物流签约，营收为8亿元与5亿元。", [("营收", "岚海集团"), ("营收", "岚海集团")]),
])
def test_figures_joined_alike_go_to_the_names_in_order(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.subject, m.entity) for m in parse(text).metrics] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a house of analysts that speaks of a company is the source, not whom the figures are about
    ("岚海证券发布研报称，新和银行上半年实现营业收入356.4亿元。研报指出，该行净息差为1.68%。",
     [("营业收入", "新和银行", "上半年"), ("净息差", "新和银行", "上半年")]),
    ("嵐海證券：維持恆川食品買入評級。公司前三季度營收為58.7億元。", [("營收", "恆川食品", "前三季度")]),
    ("岚海证券预计恒川食品2026年净利润为12.1亿元。", [("净利润", "恒川食品", "2026年")]),
    ("事件：恒川食品发布三季报，前三季度实现营收58.7亿元。", [("营收", "恒川食品", "前三季度")]),
    # its own results are its own
    ("岚海证券上半年营收为120亿元。", [("营收", "岚海证券", "上半年")]),
])
def test_an_analysts_note_is_about_the_company_it_covers(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(m.subject, m.entity, m.period) for m in parse(text).metrics] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a body that publishes an industry's figures is their source; the place it names is whom they are about
    ("台灣區機械產業同業公會今（20）日公布最新統計，10月出口值2.38億美元。", [("出口值", "台灣", "10月")]),
    ("岚海汽车协会数据显示，10月新能源汽车销量为120万辆。", [("新能源汽车销量", None, "10月")]),
    ("岚海协会去年会费收入为300万元。", [("会费收入", "岚海协会", "去年")]),  # its own figures are its own
    # an industry body named around the figures it publishes, its headline's and a declared short name's too
    ("岚海汽车流通协会：10月乘用车零售同比增长8.2%\n\n岚海汽车流通协会乘用车分会（以下简称“岚联分会”）11月10日"
     "发布数据显示，10月全国乘用车零售228万辆。\n\n新能源方面，10月新能源乘用车零售132万辆。",
     [("乘用车零售", None, "10月"), ("乘用车零售", None, "10月"), ("新能源乘用车零售", None, "10月")]),
    # the place of a byline is where the reporter writes, not whom the figures are about
    ("機械出口連3紅\n2026-11-20 16:05 經貿日報／記者王明／台中即時報導\n\n"
     "台灣區機械產業同業公會今（20）日公布最新統計，10月出口值2.38億美元。\n\n依市場別來看，對美國出口4.87億美元。",
     [("出口值", "台灣", "10月"), ("出口", "台灣", "10月")]),
])
def test_a_source_is_not_whom_figures_are_about(text: str, expected: list[tuple[str, Optional[str], str]]) -> None:
    assert [(m.subject, m.entity, m.period) for m in parse(text).metrics] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a business line named before the measure is whom the figure is about,
    # through the later clauses of its sentence; its key holds its owner's
    ("晨岭科技前三季度实现营业收入86亿元。分业务看，光伏逆变器业务实现收入42亿元，同比增长9%；儲能系統業務收入27億元。",
     [("86亿元", "营业收入", "晨岭科技", "晨岭科技"),
      ("42亿元", "收入", "光伏逆变器业务", "晨岭科技/光伏逆变器业务"),
      ("9%", "收入", "光伏逆变器业务", "晨岭科技/光伏逆变器业务"),
      ("27億元", "收入", "儲能系統業務", "晨岭科技/储能系统业务")]),
    ("恆川物流的跨境供應鏈服務分部收入為27億元，工業機器人板塊營收21億元。",
     [("27億元", "收入", "跨境供應鏈服務分部", "恒川物流/跨境供应链服务分部"),
      ("21億元", "營收", "工業機器人板塊", "恒川物流/工业机器人板块")]),
    ("晨岭科技香港业务收入为8亿元。", [("8亿元", "收入", "香港业务", "晨岭科技/香港业务")]),
    ("冷鏈倉儲服務分部收益為人民幣420.5百萬元。",
     [("人民幣420.5百萬元", "收益", "冷鏈倉儲服務分部", "冷链仓储服务分部")]),  # a Hong Kong segment's revenue
    # a company's word inside the line is the line's (物流), the company's name before it is not
    ("恒川物流的智能物流装备板块收入10亿元。", [("10亿元", "收入", "智能物流装备板块", "恒川物流/智能物流装备板块")]),
    # the company again after its line, and a generic word that makes no line
    ("晨岭科技的储能业务收入27亿元，公司整体毛利率为28%。",
     [("27亿元", "收入", "储能业务", "晨岭科技/储能业务"), ("28%", "整体毛利率", "晨岭科技", "晨岭科技")]),
    ("晨岭科技主营业务收入为86亿元。", [("86亿元", "主营业务收入", "晨岭科技", "晨岭科技")]),
    # the company an anaphor stands for is no part of its line's name
    ("晨岭科技公布年报。公司新能源业务收入12亿元。", [("12亿元", "收入", "新能源业务", "晨岭科技/新能源业务")]),
    # 该分部 stands for the line last named; a share of the group is no name (佔本集團)
    ("恆川物流的跨境分部收益為27億元，佔本集團總收益約49%。該分部處理的包裹量達3億件。",
     [("27億元", "收益", "跨境分部", "恒川物流/跨境分部"), ("約49%", "收益", "跨境分部", "恒川物流/跨境分部"),
      ("3億件", "包裹量", "跨境分部", "恒川物流/跨境分部")]),
])
def test_a_business_line_is_whom_its_figures_are_about(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert [(m.mention.text, m.subject, m.entity, m.entity_key) for m in parse(text).metrics] == expected


def test_we_and_a_subsidiary_make_the_subsidiary_whose_figures_follow() -> None:
    text = "晨峰集团董事长：先说线下。我们旗下的晨峰超市去年净增门店86家，全国门店总数达到1,042家。"
    assert [(m.mention.text, m.entity) for m in parse(text).metrics] == [("86家", "晨峰超市"), ("1,042家", "晨峰超市")]


def test_the_group_and_its_members_share_the_report_period() -> None:
    text = ("晨溪保险集团公布2024年业绩，营业收入1,200亿元。\n\n寿险方面，晨溪人寿保费收入800亿元。\n\n"
            "财险方面，晨溪财险保费收入300亿元。\n\n投资方面，集团总投资收益率4.1%。")
    assert [(m.mention.text, m.entity, m.period) for m in parse(text).metrics] == [
        ("1,200亿元", "晨溪保险集团", "2024年"), ("800亿元", "晨溪人寿", "2024年"),
        ("300亿元", "晨溪财险", "2024年"), ("4.1%", "晨溪保险集团", "2024年")]  # 集团: the group, not a member


def test_a_record_set_is_no_name() -> None:
    text = "岚硕精密10月营收2,816亿元，年增19.6%，创历年同期新高；前10月累计营收2兆4,583亿元，年增14.1%。"
    assert [m.entity for m in parse(text).metrics] == ["岚硕精密"] * 4


def test_a_line_of_a_change_goes_on_about_the_line_before() -> None:
    text = "营业收入：612.8亿元\n同比：+2.1%\n归母净利润：41.6亿元\n同比：-6.4%"
    assert [(m.mention.text, m.subject, m.change and m.change.direction) for m in parse(text).metrics] == [
        ("612.8亿元", "营业收入", None), ("2.1%", "营业收入", "up"),
        ("41.6亿元", "归母净利润", None), ("-6.4%", "归母净利润", "down")]


def test_a_weeks_comparison_is_a_basis_not_a_measure() -> None:
    text = "上海地区线材均价报4,050元/吨，周环比上涨30元/吨；螺纹钢均价比上周低了1.2%。"
    assert [(m.mention.text, m.subject, m.change and m.change.direction) for m in parse(text).metrics] == [
        ("4,050元/吨", "线材均价", None), ("30元/吨", "线材均价", "up"), ("1.2%", "螺纹钢均价", "down")]


def test_a_line_headed_by_a_company_is_about_it() -> None:
    text = "1. 晨山钢铁：10月粗钢产量120万吨。\n2. 岭川特钢：10月产量45万吨。"
    assert [(m.mention.text, m.subject, m.entity) for m in parse(text).metrics] == [
        ("120万吨", "粗钢产量", "晨山钢铁"),
        ("45万吨", "产量", "岭川特钢")]  # (a label that names no measure leaves the clause's own subject)


def test_an_item_labelled_by_a_product_is_the_products() -> None:
    text = ("晨光新材2024年营业收入52亿元。\n分产品看：\n1. 光学膜：实现收入6.2亿元，同比增长9%；\n"
            "2. 电子胶带：实现收入3.1亿元。\n3. 营业成本：38亿元。")
    assert [(m.mention.text, m.subject, m.entity, m.entity_key) for m in parse(text).metrics] == [
        ("52亿元", "营业收入", "晨光新材", "晨光新材"), ("6.2亿元", "收入", "光学膜", "晨光新材/光学膜"),
        ("9%", "收入", "光学膜", "晨光新材/光学膜"), ("3.1亿元", "收入", "电子胶带", "晨光新材/电子胶带"),
        ("38亿元", "营业成本", "晨光新材", "晨光新材")]  # (a label that names a measure is the measure)


def test_a_region_word_stands_only_for_a_place_of_its_level() -> None:
    text = "全省地区生产总值增长5.5%，其中苏州市、无锡市分别增长6.2%和4.8%。"
    assert [(m.mention.text, m.entity) for m in parse(text).metrics] == [
        ("5.5%", "全省"), ("6.2%", "苏州市"), ("4.8%", "无锡市")]  # (全省 is no city)


def test_figures_of_a_list_share_the_subject() -> None:
    metrics = parse("前三名的份额分别为20%、15%和10%。").metrics
    assert [m.subject for m in metrics] == ["份额", "份额", "份额"]


def test_a_topic_names_what_the_next_clause_measures() -> None:
    metrics = parse("從會員增長來看，從4300萬增長到8200萬，我們僅用了一年。").metrics
    assert [m.subject for m in metrics] == ["會員", "會員"]


def test_second_figure_of_a_change_has_no_period_of_its_own() -> None:
    metrics = parse("增速將從2016年的37%下降至19%。").metrics
    assert [m.period for m in metrics] == ["2016年", None]


@pytest.mark.parametrize(("text", "direction", "basis"), [
    ("岚硕精密营收年增高達88.5%", "up", "年增"),  # a word of degree between the verb and its size
    ("收购价较账面值折让约7%", "down", "较账面值"),  # a discount
    ("评估值较账面净资产增值91.4%", "up", "较账面净资产"),  # an appreciation
    ("营收同比增长15%", "up", "同比"),
    # a signed figure after the basis: the sign is the direction
    ("营收同比+14.6%", "up", "同比"),
    ("銷售費用率環比 -0.9pct", "down", "環比"),
    ("營收 YoY +12.5%", "up", "YoY"),
    ("客流量去年增加咗超過四成", "up", None),
    ("利润环比下降3.5%", "down", "环比"),
    ("收入增长了一倍", "up", None),
    ("净利润同比实现了20%的增长", "up", "同比"),  # the verb after the figure
    ("股价出现了5%的下跌", "down", None),
    ("日均成交额较去年缩水近两成", "down", "较去年"),
    ("市值一度跌破6,000億港元", "down", None),
    ("美联储宣布加息25个基点", "up", None),       # rate decisions and currencies
    ("人民币兑美元汇率贬值2.9%", "down", None),
    ("營收月增6.3%", "up", "月增"),              # the verb says against when
    ("營收年增2.5%", "up", "年增"),
    ("營收較去年同期衰退21%", "down", "较去年同期"),
    ("公司营收较2019年同期增长30%", "up", "较2019年同期"),  # a basis no word of the table names
    ("贷款同比少增2000亿元", "down", "同比"),
    ("日活跃用户比改版前多了约四成", "up", "比改版前"),  # a difference after 比
    ("当月流水比前一个月少了15%", "down", "比前一个月"),
    ("岚海今年新增门店约120家", "up", None),         # what is added, then how much
    ("订阅用户较年初翻了一番", "up", None),           # a multiple that says its movement
    ("营收年增达36.4%", "up", "年增"),
])
def test_change_rate(text: str, direction: str, basis: Optional[str]) -> None:
    c = parse(text).metrics[0].change
    assert c is not None and (c.direction, c.basis, c.start, c.end) == (direction, basis, None, None)


@pytest.mark.parametrize(("text", "direction", "levels"), [
    ("净利润增至55.3亿元。", "up", [5530000000]),
    ("岚海将研发投入增加至30亿元。", "up", [3000000000]),          # what it changes before 至
    ("我们上调晨岭2025年、2026年净利润预测至5.12亿元、7.06亿元。", "up", [512000000, 706000000]),
    ("该行将目标价下调至港币38元。", "down", [38]),
    ("钢价上涨至每吨3000元。", "up", [3000]),                      # a price per unit reached
])
def test_change_to_a_level_reached(text: str, direction: str, levels: list[int]) -> None:
    """A verb of change and 至 before a figure: the level reached, not the
    size of the change."""
    metrics = [m for m in parse(text).metrics if m.mention.kind != "year"]
    assert [(m.change.direction, m.change.start, m.change.end) for m in metrics] == [
        (direction, None, m.mention) for m in metrics]
    assert [m.mention.value for m in metrics] == levels


@pytest.mark.parametrize(("text", "direction", "start", "end"), [
    ("岚海净利润为41.3亿元，较去年同期的53.6亿元下跌23%。", "down", 5360000000, 4130000000),
    ("经营利润为9.8亿元，去年同期为6.1亿元。", "up", 610000000, 980000000),   # the earlier level restated
    ("营收为8亿元，2023年同期为9.5亿元。", "down", 950000000, 800000000),
    ("出租率已达到86%，比开业时的55%大幅提升。", "up", 55, 86),
    ("不良贷款率由1.6%改善至1.4%。", "down", Decimal("1.6"), Decimal("1.4")),  # the figures say which way
    ("毛利率由去年的37.1%改善至38.3%。", "up", Decimal("37.1"), Decimal("38.3")),
    ("该产品线的营收占比由18%拉高至27%。", "up", 18, 27),
    ("团队将从现在的260人扩编到320人。", "up", 260, 320),
])
def test_change_between_two_levels(text: str, direction: str, start: object, end: object) -> None:
    c = next(m.change for m in parse(text).metrics if m.change is not None and m.change.start is not None)
    assert (c.direction, c.start.value, c.end.value) == (direction, start, end)
    assert (type(c.start.value), type(c.end.value)) == (type(start), type(end))


@pytest.mark.parametrize("text", [
    "经营利润为9.8亿元，去年同期亦为9.8亿元。",      # no movement
    "经营利润为9.8亿元，去年同期为6.1%。",           # not the same measure
    "不良贷款率为1.6%，调整后为1.4%。",              # no 由 or 从 opens a movement
])
def test_no_change_between_levels(text: str) -> None:
    assert all(m.change is None or m.change.start is None for m in parse(text).metrics)


@pytest.mark.parametrize(("text", "category"), [
    ("晨嶺國際收益為人民幣420.5百萬元。", "revenue"),  # revenue, in Hong Kong's word
    ("晨岭科技投资收益为3亿元。", "profit"),  # a gain, not revenue
    ("日活躍用戶1.58億", "users"),
    ("付費會員達到8900萬", "members"),
    ("營業收入達到100億元", "revenue"),
    ("淨利潤20億元", "profit"),
    ("GMV第一次過億", "gmv"),
    ("增速為19%", "growth_rate"),
    ("市場份額為30%", "share"),
    ("全國門店超過300家", "stores"),
    ("騰訊4萬多員工", "employees"),
    ("中國網民已經突破了11億", "users"),
    ("城镇居民人均可支配收入为5万元", "income"),
    ("出口总额达到2万亿美元", "trade"),
    ("常住人口超过2000万", "population"),
    ("研发支出为30亿元", "cost"),
    ("上证指数今日突破3000点大关", "index"),
])
def test_category(text: str, category: str) -> None:
    assert _only(text).category == category


def test_user_categories_extend_the_table() -> None:
    text = "小遊戲的玩家达到3亿"
    assert _only(text).category is None
    assert parse(text, categories={"玩家": "users"}).metrics[0].category == "users"
    with pytest.raises(TypeError, match="alias strings"):
        parse(text, categories={"玩家": 1})  # type: ignore[dict-item]


def test_context_figures_are_not_metrics() -> None:
    report = parse("2019年5月1日,第一次,過去三年里,騰訊收入達到100億元。")
    assert [m.mention.text for m in report.metrics] == ["100億元"]
    assert {n.kind for n in report.numbers} >= {"date", "ordinal", "duration", "money"}


@pytest.mark.parametrize(("text", "figures"), [
    # N大 names a group (the big five banks), a rank ends in 之一: neither is a count
    ("五大行上半年净利润合计6,200亿元。", ["6,200亿元"]),
    ("國內三大電信商的用戶合計12億戶。", ["12億戶"]),
    ("晨岭位列行业十大品牌之一，营收30亿元。", ["30亿元"]),
    # after 有, it counts the group's members
    ("晨岭集团在全球设有8大研发中心、40个研究院。", ["8大", "40个"]),
])
def test_a_group_named_by_its_size_is_no_count(text: str, figures: list[str]) -> None:
    assert [m.mention.text for m in parse(text).metrics] == figures


PART_CLAUSES: list[tuple[str, list[tuple[str, str, Optional[str]]]]] = [
    # 旗下 opening a clause: the subsidiary named next is whose the figures are
    ("澄泰保险集团公布，旗下澄泰人寿上半年保费收入为1,250亿元，澄泰财险则为680亿元。",
     [("1,250亿元", "保费收入", "澄泰人寿"), ("680亿元", "保费收入", "澄泰财险")]),
    ("澄泰保險集團公布，旗下澄泰人壽上半年保費收入為1,250億元。", [("1,250億元", "保費收入", "澄泰人壽")]),
    # a share right after 其中 is a part of the figure before, whatever the words after it do
    ("晨岭科技预计明年资本开支在30亿元左右，其中约60%投向海外基地。",
     [("30亿元左右", "资本开支", "晨岭科技"), ("约60%", "资本开支", "晨岭科技")]),
    ("晨嶺科技預計明年資本開支約30億元，其中逾六成用於擴產。",
     [("約30億元", "資本開支", "晨嶺科技"), ("逾六成", "資本開支", "晨嶺科技")]),
    # unless 的 ties a noun to it
    ("晨岭营收为30亿元，其中60%的收入来自海外。", [("30亿元", "营收", "晨岭"), ("60%", "收入", "晨岭")]),
]


@pytest.mark.parametrize(("text", "entities"), [
    # a region said but not named holds for the paragraph, not the city named in a later one
    ("前三季度，全省实现地区生产总值4.2万亿元，同比增长5.3%。其中，第一产业增加值2,150亿元，增长3.1%。\n\n"
     "分地区看，澄州市GDP为8,620亿元，增长6.1%。",
     ["全省", "全省", "全省", "全省", "澄州市", "澄州市"]),
    ("上半年，全省規模以上工業增加值增長6.8%。其中，製造業增長7.2%。\n\n嶺東市工業增加值增長9%。",
     ["全省", "全省", "嶺東市"]),
])
def test_a_region_said_holds_for_its_paragraph(text: str, entities: list[str]) -> None:
    assert [m.entity for m in parse(text).metrics] == entities


LINES_BRANDS_AND_SPEAKERS: list[tuple[str, list[tuple[str, str, Optional[str]]]]] = [
    # a business line that opens the sentence is whose its later figures are
    ("分部方面，港口及物流業務為集團最大收入來源，上半年收益達82.4億港元，按年增長11.6%。",
     [("82.4億港元", "收益", "港口及物流業務"), ("11.6%", "收益", "港口及物流業務")]),
    ("储能业务方面，受海外订单拉动，上半年收入27亿元。", [("27亿元", "收入", "储能业务")]),
    # but not after a figure of the company's own
    ("晨岭科技营收12亿元，港口业务增长较快，净利润3亿元。",
     [("12亿元", "营收", "晨岭科技"), ("3亿元", "净利润", "晨岭科技")]),
    # a measure before 及 is no part of the line
    ("晨岭科技营收及储能业务收入均增长10%。", [("10%", "收入", "储能业务")]),
    # a quoted brand after its description, or before a time, without its quotes
    ("戶外品牌「山野行」表現突出，第三季度零售金額增長35%。", [("35%", "零售金額", "山野行")]),
    ("咖啡品牌“禾木咖啡”第三季度营业额3.8亿元。", [("3.8亿元", "营业额", "禾木咖啡")]),
    ("「星匯Pay」首三季總交易金額為1.85萬億港元。", [("1.85萬億港元", "總交易金額", "星匯Pay")]),
    ("“双碳”目标下，晨岭科技光伏收入增长20%。", [("20%", "光伏收入", "晨岭科技")]),
    # a measure's letters after a description are the measure, not a name
    ("今年平台GMV达到320亿元。", [("320亿元", "平台GMV", None)]),
    # one who speaks is no entity, whatever the verb of speech
    ("梁啟銘坦言，變現率約為0.18%。", [("0.18%", "變現率", None)]),
    ("晨岭科技董事长王明强调，公司今年营收将增长20%。", [("20%", "营收", "晨岭科技")]),
    # a word that opens with a time ends the name before it
    ("匯雲全年收入95億元。", [("95億元", "全年收入", "匯雲")]),
    # so does an adverb of totals
    ("晨嶺雲總共開放了231個接口。", [("231個", "接口", "晨嶺雲")]),
]


@pytest.mark.parametrize(("text", "period", "label"), [
    ("今年首三季營收為120億元。", "今年首三季", "2026Q1/2026Q3"),
    ("晨嶺首三季度營收為120億元。", "首三季度", "2026Q1/2026Q3"),
    ("晨岭首8个月营收为120亿元。", "首8个月", "2026-01/2026-08"),
])
def test_the_first_quarters_of_a_year(text: str, period: str, label: str) -> None:
    m = parse(text, reference_date=datetime.date(2026, 11, 1)).metrics[0]
    assert (m.period, m.when.label) == (period, label)


HOLDERS_AND_NAME_FORMS: list[tuple[str, list[tuple[str, str, Optional[str]]]]] = [
    # a holder that opens the clause before 所持 holds the stake, and the price is of it
    ("其中，王立新所持35%股权的转让价款为2.31亿元；常州晨盛投资合伙企业（有限合伙）所持20%股权的转让价款为1.32亿元。",
     [("35%", "股权", "王立新"), ("2.31亿元", "价款", "王立新"),
      ("20%", "股权", "常州晨盛投资合伙企业（有限合伙）"), ("1.32亿元", "价款", "常州晨盛投资合伙企业（有限合伙）")]),
    # a company's name ending in a trade (精密, 光学) after its description
    ("被動元件廠聯碩精密10月營收為新台幣9.42億元。", [("新台幣9.42億元", "營收", "聯碩精密")]),
    # 公司 opens no name: 公司物流 is the company's line of trade
    ("公司物流收入5亿元。", [("5亿元", "物流收入", None)]),
    ("晨岭科技表示，公司精密加工收入5亿元。", [("5亿元", "精密加工收入", "晨岭科技")]),
]


BREAKDOWN_SEGMENTS: list[tuple[str, list[tuple[str, str, Optional[str]]]]] = [
    # after a lead that breaks the figures down, the words before the measure name the segment
    ("分板块看，前三季度生物类似药收入14.3亿元，同比增长38.5%；原料药及中间体收入10.2亿元；CDMO业务收入8.1亿元。",
     [("14.3亿元", "收入", "生物类似药"), ("38.5%", "收入", "生物类似药"), ("10.2亿元", "收入", "原料药及中间体"),
      ("8.1亿元", "收入", "CDMO业务")]),
    ("分產品看，光學膜營收為12億元。偏光片營收為8億元。", [("12億元", "營收", "光學膜"), ("8億元", "營收", "偏光片")]),
    ("按业务划分，云服务收入为30亿元。", [("30亿元", "收入", "云服务")]),
    # or the words before a verb of achieving the measure
    ("分产品看，液态奶实现收入198.4亿元，同比增长4.1%。", [("198.4亿元", "收入", "液态奶"), ("4.1%", "收入", "液态奶")]),
    # not without one, nor a measure named whole, nor a breakdown by time
    ("公司光学膜营收为12亿元。", [("12亿元", "光学膜营收", None)]),
    ("分地区看，地区生产总值增长6.3%。", [("6.3%", "地区生产总值", None)]),
    ("分季度看，一季度营收为3亿元。", [("3亿元", "营收", None)]),
    ("分业务看，经纪业务实现收入48.6亿元。股票基金交易额市场份额为4.12%。",
     [("48.6亿元", "收入", "经纪业务"), ("4.12%", "股票基金交易额市场份额", None)]),
    # Latin letters before a line's ending name the line, not a company
    ("云业务收入首次超过传统业务，达到19.8亿元。CDMO业务收入8.1亿元。",
     [("19.8亿元", "云业务收入", None), ("8.1亿元", "收入", "CDMO业务")]),
]


@pytest.mark.parametrize(("text", "read"), [
    # 每10股 is what a dividend is per: no figure, and the measure before it is the amount's
    ("董事會建議派發末期股息每10股人民幣2.65元（含稅）。", [("人民幣2.65元", "末期股息")]),
    ("晨岭科技拟向全体股东每10股派发现金红利3元（含税）。", [("3元", "现金红利")]),
    # a ratio of two counts stays two figures
    ("每10个用户中有3个付费。", [("10个", "用户"), ("3个", "用户")]),
])
def test_an_amount_per_so_many_shares(text: str, read: list[tuple[str, str]]) -> None:
    assert [(m.mention.text, m.subject) for m in parse(text).metrics] == read


@pytest.mark.parametrize(("text", "read"), [
    # a modal verb stands between the measure and its change
    ("我们预计明年整体毛利率可以再提升1到1.5个百分点。", [("1到1.5个百分点", "整体毛利率")]),
    ("毛利率可能下降1個百分點。", [("1個百分點", "毛利率")]),
    # a project's phase is no count, so the part of 其中 is the whole's measure
    ("今年全年资本开支预计在9亿元左右，其中越南二期大约3.5亿元。", [("9亿元左右", "资本开支"), ("大约3.5亿元", "资本开支")]),
    ("款项分三期支付。", [("三期", "支付")]),
])
def test_modal_verbs_and_phases(text: str, read: list[tuple[str, str]]) -> None:
    assert [(m.mention.text, m.subject) for m in parse(text).metrics] == read


@pytest.mark.parametrize(("text", "subject"), [
    # a size adjective right after a time opens the noun it stands before
    ("晶漢10月大尺寸面板驅動IC出貨量約4.2億顆。", "大尺寸面板驅動IC出貨量"),
    ("晶汉今年前10月小尺寸面板出货量约1.2亿片。", "小尺寸面板出货量"),
])
def test_a_size_adjective_opens_the_measure(text: str, subject: str) -> None:
    assert _only(text).subject == subject


def test_lists_of_a_forecast_take_their_years_past_a_remark() -> None:
    text = ("预计公司2026E、2027E、2028E营业收入分别为44.8亿元、54.6亿元、65.9亿元；归母净利润分别为8.25亿元、"
            "10.31亿元、12.86亿元（原预测2026E、2027E分别为7.92亿元、9.74亿元）；对应EPS分别为1.65元、2.06元、2.57元。")
    assert [(m.mention.text, m.subject, m.period) for m in parse(text).metrics][3:] == [
        ("8.25亿元", "归母净利润", "2026E"), ("10.31亿元", "归母净利润", "2027E"), ("12.86亿元", "归母净利润", "2028E"),
        ("7.92亿元", "归母净利润", "2026E"), ("9.74亿元", "归母净利润", "2027E"),
        ("1.65元", "EPS", "2026E"), ("2.06元", "EPS", "2027E"), ("2.57元", "EPS", "2028E")]


@pytest.mark.parametrize(("text", "subjects"), [
    # a remark right after a figure measures what it does, unless it names a measure
    ("晨岭科技营收为12亿元（原预测为11亿元）。", ["营收", "营收"]),
    ("晨岭科技营收为12亿元（净利润为1亿元）。", ["营收", "净利润"]),
])
def test_a_remark_after_a_figure(text: str, subjects: list[str]) -> None:
    assert [m.subject for m in parse(text).metrics] == subjects


STAKES_AND_LIST_ITEMS: list[tuple[str, list[tuple[str, str, Optional[str]]]]] = [
    # a list of stakes held goes on after 及, each with its holder after 的
    ("晨港码头的股权中，岭川集团持有52%；其他股东包括持20.3%的海澄投资及4.9%的澜江洋行。",
     [("52%", "股权", "岭川集团"), ("20.3%", "股权", "海澄投资"), ("4.9%", "股权", "澜江洋行")]),
    # a bracketed share after a shareholder's name is of the stake the sentence is about
    ("岭川集团的股权增至55.3%；其他主要股东为海澄投资（22.1%）及澜江公司（17.6%）。",
     [("55.3%", "股权", "岭川集团"), ("22.1%", "股权", "海澄投资"), ("17.6%", "股权", "澜江公司")]),
    # a conjunction after a figure opens the next item, not the figure's noun
    ("晨岭科技营收增长5%及利润增长3%。", [("5%", "营收", "晨岭科技"), ("3%", "利润", "晨岭科技")]),
]


STEEL_WEEKLY = (
    "钢材周报：螺纹钢价格小幅回落\n\n"
    "截至周五，全国主要城市螺纹钢均价为3,412元/吨，周环比下降0.8%。分区域看，上海螺纹钢价格报3,380元/吨；"
    "杭州报3,420元/吨，持平；广州报3,650元/吨。\n\n"
    "热卷方面，上海4.75mm热卷价格为3,520元/吨；天津报3,460元/吨。\n\n"
    "库存方面，本周螺纹钢社会库存为412.6万吨，环比减少18.3万吨。")


def test_a_market_report_over_many_places() -> None:
    # no city is the report's own, a city that opens an item is no topic
    # beyond it, and a paragraph that names its topic starts afresh
    assert [(m.mention.text, m.entity, m.period) for m in parse(STEEL_WEEKLY).metrics] == [
        ("3,412元/吨", None, "截至周五"), ("0.8%", None, "截至周五"), ("3,380元/吨", "上海", "截至周五"),
        ("3,420元/吨", "杭州", "截至周五"), ("3,650元/吨", "广州", "截至周五"), ("3,520元/吨", "上海", None),
        ("3,460元/吨", "天津", None), ("412.6万吨", None, "本周"), ("18.3万吨", None, "本周")]
    # a place's quote with 报 is of the measure before; 周环比 is a basis, not 周
    subjects = [m.subject for m in parse(STEEL_WEEKLY).metrics]
    assert subjects[:5] == ["主要城市螺纹钢均价", "主要城市螺纹钢均价", "螺纹钢价格", "螺纹钢价格", "螺纹钢价格"]
    assert subjects[7:] == ["螺纹钢社会库存", "螺纹钢社会库存"]


INTERVIEW = (
    "專訪曜石電池董事長林志遠：明年產能翻倍\n\n記者：今年公司的營運狀況如何？\n\n"
    "林志遠：今年我們的營收大概會落在一百六十億左右，比去年成長快三成。\n\n記者：市場方面呢？\n\n"
    "林志遠：整個儲能市場今年全球出貨大約300GWh。競爭對手像宸睿能源，去年營收已經破五百億。")


def test_an_interview_under_a_headline_label() -> None:
    report = parse(INTERVIEW)
    # 專訪 is the kind of piece, no part of the speaker's organisation or title
    assert (report.sections[0].speaker.name, report.sections[0].speaker.org, report.sections[0].speaker.title) == (
        "林志遠", "曜石電池", "曜石電池董事長")
    # 出貨 is a measure; the example after 像 is whose its figure is
    assert [(m.mention.text, m.subject, m.entity) for m in report.metrics] == [
        ("翻倍", "產能", "曜石電池"), ("一百六十億左右", "營收", "曜石電池"), ("快三成", "營收", "曜石電池"),
        ("大約300GWh", "出貨", None), ("五百億", "營收", "宸睿能源")]


def test_a_country_review_over_its_regions() -> None:
    text = ("越南2025年经济回顾：GDP增长7.1%\n\n从地区看，胡志明市GRDP增长7.2%，河内增长6.9%。"
            "北宁省吸引外资最多，达58亿美元。")
    # a place named alone before a verb of change is whose the figure is; a
    # province by its form takes the review's period, as the country does
    assert [(m.mention.text, m.subject, m.entity, m.period) for m in parse(text).metrics] == [
        ("7.1%", "GDP", "越南", "2025年"), ("7.2%", "GRDP", "胡志明市", "2025年"), ("6.9%", "GRDP", "河内", "2025年"),
        ("58亿美元", "吸引外资", "北宁省", "2025年")]


QUOTED_BRANDS_AND_PARTS: list[tuple[str, list[tuple[str, str, Optional[str]]]]] = [
    # a measure read inside a quoted brand starts past it; the brand loses its quotes
    ("其中，旗艦品牌「晨彩」門店842家，「彩居」門店406家。", [("842家", "門店", "晨彩"), ("406家", "門店", "彩居")]),
    # the words before 占 are the part, though the dictionary reads no noun in them
    ("線上銷售佔總收入比例由去年同期的18%提升至22%。", [("18%", "線上銷售", None), ("22%", "線上銷售", None)]),
    # a noun and a verb before a copula name the measure together
    ("青岚能源全年公益投入为4,850万元。", [("4,850万元", "公益投入", "青岚能源")]),
    # 同店銷售 is a measure
    ("期內同店銷售增長2.3%，去年同期為下跌1.5%。", [("2.3%", "同店銷售", None), ("1.5%", "同店銷售", None)]),
]


LINES_RATIOS_AND_GOODS: list[tuple[str, list[tuple[str, str, Optional[str]]]]] = [
    # a bank's lines hold 银行 (零售银行业务), and a capital tier stays in its ratio's name
    ("零售銀行業務除稅前溢利為港幣30.1億元，增長12%。",
     [("港幣30.1億元", "除稅前溢利", "零售銀行業務"), ("12%", "除稅前溢利", "零售銀行業務")]),
    ("嘉峰銀行普通股權一級資本比率為16.8%。", [("16.8%", "普通股權一級資本比率", "嘉峰銀行")]),
    ("嘉峰银行核心一级资本充足率为10.86%。", [("10.86%", "核心一级资本充足率", "嘉峰银行")]),
    # kinds of drive name the vehicles counted
    ("曜驰汽车纯电车型交付28,105辆，增程车型交付18,113辆。",
     [("28,105辆", "纯电车型", "曜驰汽车"), ("18,113辆", "增程车型", "曜驰汽车")]),
]


@pytest.mark.parametrize(("text", "read"), [
    *PART_CLAUSES, *LINES_BRANDS_AND_SPEAKERS, *HOLDERS_AND_NAME_FORMS, *BREAKDOWN_SEGMENTS,
    *STAKES_AND_LIST_ITEMS, *QUOTED_BRANDS_AND_PARTS, *LINES_RATIOS_AND_GOODS])
def test_what_each_figure_measures_and_whom_it_is_about(text: str, read: list[tuple[str, str, Optional[str]]]) -> None:
    assert [(m.mention.text, m.subject, m.entity) for m in parse(text).metrics] == read


def test_repeated_paragraph_counts_once() -> None:
    para = "作为开幕嘉宾,腾讯副总裁林敬华介绍,腾讯服务了超过300家零售商。\n"
    report = parse(para + "中间一段。\n" + para)
    assert len(report.numbers) == 2
    assert [m.mention.start for m in report.metrics] == [para.index("超过")]


def test_boilerplate_figures_are_not_metrics() -> None:
    doc = "收入100億元。\n相關推薦\n100萬用戶付費每天收入15萬\n"
    assert [m.mention.text for m in parse(doc).metrics] == ["100億元"]


def test_every_figure_in_a_speaker_section_carries_the_speaker() -> None:
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        report = parse(text, source=path.name)
        for m in report.metrics:
            section = next(s for s in report.sections if s.start <= m.mention.start < s.end)
            assert m.speaker == section.speaker and m.heading == section.heading
            assert m.source == path.name
        speakers = {m.speaker.name for m in report.metrics if m.speaker}
        assert speakers


def test_records_and_exports() -> None:
    report = parse("邱躍鵬-騰訊副總裁\n騰訊全網服務器總量已經超過100萬臺,\"收入\"1.5億元", source="a.txt")
    records = report.to_records()
    assert json.loads(json.dumps(records, ensure_ascii=False)) == records
    first = records[0]
    assert (first["value"], first["value_float"], first["unit"], first["qualifier"]) == (
        "1000000", 1000000.0, "臺", ">")
    assert (first["speaker"], first["speaker_org"], first["source"]) == ("邱躍鵬", "騰訊", "a.txt")
    lines = report.to_jsonl().splitlines()
    assert [json.loads(x)["text"] for x in lines] == ["超過100萬臺", "1.5億元"]
    text = report.to_csv(bom=True)
    assert text.startswith("\ufeffsource,")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["value"] for r in rows] == ["1000000", "150000000"]
    frame = report.to_frame()
    assert list(frame["text"]) == ["超過100萬臺", "1.5億元"]
    assert Decimal(frame["value"][1]) == 150000000


def test_parse_many_matches_parse() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + ["", "收入1.1億元"]
    names = [p.name for p in SEEDS] + ["empty", "short"]
    expected = [parse(t, source=n) for t, n in zip(texts, names)]
    assert list(parse_many(texts, sources=names)) == expected
    assert list(parse_many(texts, sources=names, n_process=2, batch_size=1)) == expected


def test_parse_many_arguments() -> None:
    with pytest.raises(TypeError, match="iterable of str"):
        list(parse_many("收入1.1億元"))
    with pytest.raises(ValueError, match="n_process"):
        list(parse_many(["a"], n_process=0))
    with pytest.raises(ValueError, match="batch_size"):
        list(parse_many(["a"], batch_size=0))


@pytest.mark.parametrize(("text", "figures"), [
    ("发布时间：2024年3月15日\n晨岚科技去年营收为12亿元，同比增长9%。", ["12亿元", "9%"]),
    ("### 主持人：\n請介紹一下。\n\n### 晨嵐銀行行長：\n本行去年淨利潤為52億元，同比增長6%。\n", ["52億元", "6%"]),
])
def test_tag_metrics_on_prose_reads_what_parse_reads(text: str, figures: list[str]) -> None:
    # the figures and sections a caller already has give the metrics of parse
    got = tag_metrics(text, segment(text), find_numbers(text), source="prose.txt")
    assert got == list(parse(text, source="prose.txt").metrics)
    assert [m.mention.text for m in got] == figures


def test_report_pickles() -> None:
    report = parse(SEED.read_text(encoding="utf-8"))
    assert pickle.loads(pickle.dumps(report)) == report
    assert isinstance(report, Report)


def test_type_errors() -> None:
    with pytest.raises(TypeError, match="decode bytes"):
        parse(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="source"):
        parse("abc", source=3)  # type: ignore[arg-type]


_REPORTISH = st.lists(st.sampled_from([
    "邱躍鵬-騰訊副總裁", "騰訊全網服務器總量已經超過100萬臺", "从4300万增长到8200万", "同比增长15%",
    "问:收入多少?", "林敬华:一亿元。", "截至2019年3月底,", "相关推荐", "的", "了", "、", "\n", "13類231個",
    "，", "  ", "该公司", "我们", "其中", "（以下简称“甲公司”）", "有限公司", "(600519)", "Sara Lee",
]), max_size=25).map("".join)


@settings(deadline=None)
@given(st.one_of(st.text(), _REPORTISH))
@example("的的的的100万的的")
@example("从从1到2到3增长到4")
@example("\ud800100万\udfff")
@example("1,234，  ")
def test_parse_never_raises(text: str) -> None:
    report = parse(text)
    numbers = set(report.numbers)
    for m in report.metrics:
        assert m.mention in numbers
        assert text[m.mention.start:m.mention.end] == m.mention.text
        assert m.subject is None or m.subject in text
        assert m.period is None or m.period in text
        assert m.change is None or m.change.text in text



@pytest.mark.parametrize(("text", "figures"), [
    ("1.管理层讨论\n公司营收增长10%。", ["10%"]),
    ("1、主营业务构成\n2023年营收为5亿元。", ["5亿元"]),
    ("（1）营业收入\n（2）营业成本", []),
    ("1. 营收1亿元", ["1亿元"]),
    ("收入1.5亿元\n2、利润3000万元", ["1.5亿元", "3000万元"]),
    ("3.5亿元", ["3.5亿元"]),  # a figure at the start of a line is one
])
def test_list_markers_are_no_metrics(text: str, figures: list[str]) -> None:
    assert [m.mention.text for m in parse(text).metrics] == figures

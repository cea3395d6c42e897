package org.hotline12345.perf;

import java.util.SplittableRandom;

/** Believable citizens' requests in Chinese, some with hazard words the triage rules grade up. */
final class Descriptions {

	private static final String[] TEMPLATES = { "{p}小区电梯经常故障，物业不及时维修，老人上下楼很困难，希望尽快处理",
			"{p}一家工厂拖欠{n}名工人工资三个月，多次找老板都不给说法", "{p}工地夜间施工到凌晨{n}点，噪音扰民，孩子没法休息",
			"退休后养老金{n}月份没有按时到账，打电话到社保中心一直占线，想问问什么原因",
			"{p}路口公交站台拆除后没有临时站牌，乘客找不到车站，下雨天只能站在路边等",
			"{p}整栋楼停水{n}小时，没有任何通知，家里有老人和孩子用水困难", "{p}楼道里有人给电动车充电，存在火灾隐患，物业说管不了",
			"在{p}超市买到过期食品，商家拒绝按规定赔偿，要求市场监管部门查处", "孩子入学学区划分咨询，{p}小区属于哪所学校，需要准备哪些材料",
			"{p}人行道上长期停放车辆，行人只能走机动车道，很危险", "{p}一家健身房突然关门，预付卡里还有{n}千元无法退款，涉及会员几百人",
			"{p}路段路灯不亮已经{n}天，晚上出行很不安全", "{p}小区雨后排水不畅，地下车库进水，车辆被淹",
			"家中老人{n}十多岁独居，申请居家养老服务一直没有回复", "{p}燃气管道有明显气味，怀疑漏气，请尽快派人查看", "小区物业擅自提高停车费{n}成，业主不认可",
			"网约车司机绕路多收费{n}十元，平台不处理", "{p}菜市场电子秤缺斤短两", "单位未给员工缴纳社保已经{n}个月",
			"医保异地就医备案怎么办理", "房东不退押金，合同到期已经{n}周", "{p}广场舞音响声音太大，影响老人休息",
			"教培机构收费后不上课也不退费", "楼上住户长期漏水，家里天花板发霉", "{p}河道里有人倾倒垃圾，水面发臭",
			"公积金提取申请提交后一直显示审核中", "残疾证办理需要哪些材料", "小区门口车辆乱停堵塞消防通道",
			"{p}学校门口早晚接送时段交通混乱", "快递驿站丢件，驿站和快递公司互相推诿", "出租屋里的热水器漏电，房东不管",
			"{p}菜场门口流动摊贩占道经营", "新买的商品房墙面开裂，开发商拖着不修", "申请低保{n}个月了没有结果" };

	private static final String[] PLACES = { "和平桥", "城东", "新城桥", "观音山", "狼山", "学田", "唐闸", "金沙", "先锋", "兴仁",
			"三厂", "海门港", "城北", "人民路", "工农路", "青年路", "崇川路", "濠河", "文峰", "五一路" };

	private Descriptions() {
	}

	private static final String[] WHO = { "我是{p}的居民，", "本人住在{p}{b}号楼，", "我家老人住在{p}，", "我在{p}开了一家小店，",
			"我们是{p}{b}幢的业主，", "我在{p}上班，", "", "", "市民反映：", "来电人称其在{p}附近，" };

	private static final String[] SINCE = { "已经{n}天了", "从上周{d}开始", "这个月第{n}次了", "持续{n}个多月", "昨天晚上{h}点左右",
			"今天早上{h}点", "去年{m}月份开始", "最近{n}周" };

	private static final String[] ASK = { "希望相关部门尽快处理。", "请尽快派人来看一下。", "要求给个说法。", "希望能回个电话。",
			"打了{n}次电话都没解决，很着急。", "请帮忙协调一下。", "问一下到底归哪个部门管。", "" };

	/** A request composed of who calls, the matter, since when and what they ask, so that no two read alike. */
	static String next(SplittableRandom random) {
		String text = pick(WHO, random) + pick(TEMPLATES, random) + "，" + pick(SINCE, random) + "，" + pick(ASK, random);
		return text.replace("{p}", PLACES[random.nextInt(PLACES.length)])
			.replace("{b}", String.valueOf(1 + random.nextInt(60)))
			.replace("{n}", String.valueOf(2 + random.nextInt(8)))
			.replace("{d}", "一二三四五六日".substring(random.nextInt(7)).substring(0, 1))
			.replace("{h}", String.valueOf(1 + random.nextInt(12)))
			.replace("{m}", String.valueOf(1 + random.nextInt(12)));
	}

	private static String pick(String[] values, SplittableRandom random) {
		return values[random.nextInt(values.length)];
	}

	static String place(SplittableRandom random) {
		return PLACES[random.nextInt(PLACES.length)];
	}

	static String mobile(SplittableRandom random) {
		return "1" + "3456789".charAt(random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
	}

}

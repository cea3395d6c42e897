package org.hotline12345.ticket;

/** 专线: counted separately in the weekly report. */
public enum ServiceLine {

	/** 12345 主线. */
	MAIN,

	/** 尚贤人才服务热线. */
	TALENT,

	/** 一企来企业服务专线. */
	ENTERPRISE

}

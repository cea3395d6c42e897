package org.hotline12345.ticket;

/** 渠道: how the request reached the centre. */
public enum Channel {

	PHONE, WEB, WECHAT, APP, PROVINCE, OTHER_CITY, GRID, POLICE

}

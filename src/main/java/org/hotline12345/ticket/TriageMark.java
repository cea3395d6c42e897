package org.hotline12345.ticket;

/**
 * The four marks that make a matter urgent (突发·敏感·集中·重要); a ticket can carry several.
 */
public enum TriageMark {

	/** 突发: happening now, unexpected. */
	SUDDEN,

	/** 敏感: group action, media, petitions, extreme emotion. */
	SENSITIVE,

	/** 集中: many tickets on one matter and place. */
	CLUSTER,

	/** 重要: vulnerable people, many affected, hard time limits. */
	IMPORTANT

}

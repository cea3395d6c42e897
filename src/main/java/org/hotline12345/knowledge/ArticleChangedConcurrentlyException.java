package org.hotline12345.knowledge;

/** Someone else saved the article since it was opened. */
class ArticleChangedConcurrentlyException extends RuntimeException {

	ArticleChangedConcurrentlyException(long id) {
		super("Article " + id + " was changed by someone else");
	}

}

/**
 * Member units (承办单位) and their hierarchy, the 3-level category taxonomy and the dispatch catalogue
 * (派单目录); other modules read them through {@link org.hotline12345.department.DepartmentDirectory}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.hotline12345.department;

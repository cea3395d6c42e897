package org.hotline12345.department;

import org.springframework.data.repository.ListCrudRepository;

interface CategoryRepository extends ListCrudRepository<Category, Long> {

}

package org.hotline12345.department;

import org.springframework.data.repository.ListCrudRepository;

interface UnitRepository extends ListCrudRepository<Unit, Long> {

}

package org.hotline12345.department;

import org.springframework.data.repository.ListCrudRepository;

interface DispatchCatalogueRepository extends ListCrudRepository<DispatchCatalogueEntry, Long> {

}

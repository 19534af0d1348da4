package io.cloudshop.users.user;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** The registered users. */
public interface Users extends Repository<User, UUID> {

    Page<User> findAllBy(Pageable pageable);
}

package io.cloudshop.users.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The registered users. */
interface Users extends Repository<User, UUID> {

    User save(User user);

    User saveAndFlush(User user);

    Optional<User> findById(UUID id);

    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query("select count(u) > 0 from User u join u.roles r where r = io.cloudshop.users.user.Role.ADMIN")
    boolean anyAdmin();

    /** Users whose email contains the (already escaped) fragment; {@code ""} matches every user. */
    @Query("select u from User u where u.email like concat('%', :email, '%') escape '\\'")
    Page<User> search(@Param("email") String email, Pageable pageable);

    /** The same, restricted to holders of the role. */
    @Query("select u from User u where u.email like concat('%', :email, '%') escape '\\' and :role member of u.roles")
    Page<User> search(@Param("email") String email, @Param("role") Role role, Pageable pageable);
}

package io.vidlog.command.video;

import org.springframework.data.jpa.repository.JpaRepository;

interface VideoAvailabilityRepository extends JpaRepository<VideoAvailability, String> {
}

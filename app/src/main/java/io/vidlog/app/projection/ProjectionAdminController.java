package io.vidlog.app.projection;

import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.drift.DriftChecker;
import io.vidlog.projection.drift.DriftReport;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** The projections' status and replay for operators (ADMIN only, see SecurityConfiguration). */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    /** The largest sample a drift check takes; more is a check of everything. */
    static final int MAX_SAMPLE = 100_000;

    private final ProjectionOperations projections;
    private final DriftChecker drift;

    ProjectionAdminController(ProjectionOperations projections, DriftChecker drift) {
        this.projections = projections;
        this.drift = drift;
    }

    @GetMapping
    List<ProjectionStatus> all() {
        return projections.all();
    }

    @GetMapping("/{name}")
    ProjectionStatus one(@PathVariable String name) {
        return projections.one(name).orElseThrow(() -> unknown(name));
    }

    /** Starts a rebuild from the first event; follow it with {@code GET /admin/projections/{name}}. */
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        boolean known;
        try {
            known = projections.replay(name);
        } catch (RuntimeException e) {
            // Its reset handler could not empty the read model, typically because the store behind it is away.
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Could not reset " + name + " ("
                    + e.getMessage() + "); it goes on as before, try again later", e);
        }
        if (!known) {
            throw unknown(name);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.one(name).orElseThrow());
    }

    /**
     * Recomputes the read model from the events up to the group's position and lists every difference from the live
     * one; {@code sample} checks that many random videos (or users, for taste scores) instead of all.
     */
    @GetMapping("/{name}/drift")
    DriftReport drift(@PathVariable String name,
                      @RequestParam(required = false) @Min(1) @Max(MAX_SAMPLE) Integer sample) {
        ProjectionStatus status = projections.one(name).orElseThrow(() -> unknown(name));
        return drift.check(name, status.position(), sample).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, name + " has no drift check; a replay rebuilds it from the events"));
    }

    private static ResponseStatusException unknown(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection " + name
                + "; the projections are " + ProcessingGroups.ALL);
    }
}

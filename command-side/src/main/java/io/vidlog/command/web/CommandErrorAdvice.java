package io.vidlog.command.web;

import io.vidlog.command.video.NotVideoOwnerException;
import io.vidlog.command.video.VideoStateException;
import io.vidlog.command.video.VideoUnavailableException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the command side's refusals into RFC 9457 problem details with the status api.md documents. */
@RestControllerAdvice(basePackages = "io.vidlog.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandErrorAdvice {

    @ExceptionHandler
    ProblemDetail videoUnavailable(VideoUnavailableException e) {
        HttpStatus status = e.reason() == VideoUnavailableException.Reason.NOT_READY ? HttpStatus.CONFLICT
                : HttpStatus.NOT_FOUND;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("videoId", e.videoId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail wrongState(VideoStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownAggregate(AggregateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such video");
    }

    @ExceptionHandler
    ProblemDetail notOwner(NotVideoOwnerException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** The aggregates reject values that request validation cannot see (e.g. a position past the video's end). */
    @ExceptionHandler
    ProblemDetail invalidCommand(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Another node changed the same aggregate at the same moment, and the retries did not get through. */
    @ExceptionHandler
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The resource was changed concurrently; repeat the request");
    }
}

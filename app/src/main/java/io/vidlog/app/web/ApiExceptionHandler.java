package io.vidlog.app.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns bad input into 4xx {@code application/problem+json} answers with a detail a client can act on. Spring MVC's
 * own exceptions all become problems through {@link ResponseEntityExceptionHandler}; the overrides here only make
 * the details name the offending field or parameter. Ordered last, so that a module's own advice for its domain
 * exceptions is consulted first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** One entry of a validation problem's {@code errors} property. */
    public record InvalidField(String field, String message) {
    }

    private static final Comparator<InvalidField> BY_FIELD =
            Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (NestedExceptionUtils.getMostSpecificCause(exception) instanceof RequestBodyTooLargeException tooLarge) {
            return problem(exception, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), headers, request);
        }
        return problem(exception, HttpStatus.BAD_REQUEST, BadInputDetails.unreadableBody(exception), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        exception.getFieldErrors().forEach(error -> errors.add(new InvalidField(error.getField(), message(error))));
        exception.getGlobalErrors()
                .forEach(error -> errors.add(new InvalidField(error.getObjectName(), message(error))));
        return validationProblem(exception, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (exception.isForReturnValue()) {
            return super.handleHandlerMethodValidationException(exception, headers, status, request);
        }
        List<InvalidField> errors = new ArrayList<>();
        for (ParameterValidationResult result : exception.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors().forEach(error -> errors.add(new InvalidField(error.getField(), message(error))));
            } else {
                String name = parameterName(result);
                result.getResolvableErrors().forEach(error -> errors.add(new InvalidField(name, message(error))));
            }
        }
        return validationProblem(exception, errors, headers, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException exception, WebRequest request) {
        List<InvalidField> errors = exception.getConstraintViolations().stream()
                .map(violation -> new InvalidField(propertyPath(violation), violation.getMessage()))
                .toList();
        return validationProblem(exception, errors, new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName() : exception.getPropertyName();
        String detail = exception.getRequiredType() == null ? "Invalid value for parameter '" + name + "'"
                : BadInputDetails.invalidValue(exception.getValue(), "parameter '" + name + "'",
                        exception.getRequiredType());
        return problem(exception, HttpStatus.BAD_REQUEST, detail, headers, request);
    }

    /** Unknown routes end at the static resource handler; its detail would talk about static resources. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "No endpoint " + exception.getHttpMethod() + " /" + exception.getResourcePath();
        return problem(exception, HttpStatus.NOT_FOUND, detail, headers, request);
    }

    private ResponseEntity<Object> validationProblem(Exception exception, List<InvalidField> errors,
            HttpHeaders headers, WebRequest request) {
        List<InvalidField> sorted = errors.stream().sorted(BY_FIELD).toList();
        String detail = "Invalid request: " + sorted.stream()
                .map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", sorted);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> problem(Exception exception, HttpStatus status, String detail, HttpHeaders headers,
            WebRequest request) {
        return handleExceptionInternal(exception, ProblemDetail.forStatusAndDetail(status, detail), headers, status,
                request);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        if (result.getContainerIndex() != null) {
            return name + "[" + result.getContainerIndex() + "]";
        }
        return result.getContainerKey() == null ? name : name + "[" + result.getContainerKey() + "]";
    }

    /** A method's constraint violation starts with the method's name, which means nothing to a client. */
    private static String propertyPath(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(node -> node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR)
                .map(Path.Node::toString)
                .collect(Collectors.joining("."));
    }
}

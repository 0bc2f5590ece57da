package io.vidlog.app.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiExceptionHandlerTest {

    enum ReactionType { LIKE, DISLIKE, SUPERLIKE }

    record Reaction(@NotNull ReactionType type, @Size(max = 20) String note, List<Integer> positions) {
    }

    record Tagged(@NotBlank String tag) {
    }

    record Window(int from, int to) {
        Window {
            if (to < from) {
                throw new IllegalArgumentException("to must not be before from");
            }
        }
    }

    @RestController
    static class Endpoints {

        private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        @PutMapping("/reaction")
        String react(@Valid @RequestBody Reaction reaction) {
            return "ok";
        }

        @GetMapping("/page")
        String page(@RequestParam @Min(1) int size) {
            return "ok";
        }

        @GetMapping("/videos/{id}")
        String video(@PathVariable UUID id) {
            return "ok";
        }

        @PostMapping("/window")
        String window(@RequestBody Window window) {
            return "ok";
        }

        @PostMapping("/tags")
        String tag(@RequestBody Tagged tagged) {
            throw new ConstraintViolationException(validator.validate(tagged));
        }
    }

    private static final Filter UNANNOUNCED_LENGTH = (request, response, chain) ->
            chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
                @Override
                public long getContentLengthLong() {
                    return -1;
                }

                @Override
                public int getContentLength() {
                    return -1;
                }
            }, response);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Endpoints())
            .setControllerAdvice(new ApiExceptionHandler())
            .addFilters(UNANNOUNCED_LENGTH,
                    new RequestBodyLimitFilter(200, new ProblemResponses(Jackson2ObjectMapperBuilder.json().build())))
            .build();

    @Test
    void malformedJsonIsABadRequestThatSaysWhere() throws Exception {
        problem(put("/reaction").contentType(MediaType.APPLICATION_JSON).content("{\"type\": LIKE"), 400)
                .andExpect(jsonPath("$.detail", containsString("Malformed JSON at line 1, column")));
        problem(put("/reaction").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"LIKE\",\n\"positions\":[1, two"), 400)
                .andExpect(jsonPath("$.detail", containsString("Malformed JSON at line 2, column")));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() throws Exception {
        problem(put("/reaction").contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"LOVE\"}"), 400)
                .andExpect(jsonPath("$.detail").value(
                        "Unknown value 'LOVE' for field 'type'; expected one of LIKE, DISLIKE, SUPERLIKE"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldWithoutJavaClassNames() throws Exception {
        problem(put("/reaction").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"LIKE\",\"positions\":[1,\"two\"]}"), 400)
                .andExpect(jsonPath("$.detail").value(
                        "Invalid value 'two' for field 'positions[1]'; expected a number"));
        problem(put("/reaction").contentType(MediaType.APPLICATION_JSON).content("[]"), 400)
                .andExpect(jsonPath("$.detail").value("The request body must be an object"));
    }

    @Test
    void aConstructorsArgumentCheckIsPassedOn() throws Exception {
        problem(post("/window").contentType(MediaType.APPLICATION_JSON).content("{\"from\":5,\"to\":1}"), 400)
                .andExpect(jsonPath("$.detail").value("Invalid value: to must not be before from"));
    }

    @Test
    void aMissingBodyDoesNotRevealTheHandlerMethod() throws Exception {
        problem(put("/reaction").contentType(MediaType.APPLICATION_JSON), 400)
                .andExpect(jsonPath("$.detail").value("The request body is missing or not readable"));
    }

    @Test
    void beanValidationErrorsAreListedPerField() throws Exception {
        problem(put("/reaction").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"" + "x".repeat(150) + "\"}"), 400)
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 20"))
                .andExpect(jsonPath("$.errors[1].field").value("type"))
                .andExpect(jsonPath("$.errors[1].message").value("must not be null"))
                .andExpect(jsonPath("$.detail", containsString("type must not be null")));
    }

    @Test
    void constrainedRequestParametersAreValidated() throws Exception {
        problem(get("/page").param("size", "0"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 1"));
    }

    @Test
    void constraintViolationsAreBadRequestsWithErrors() throws Exception {
        problem(post("/tags").contentType(MediaType.APPLICATION_JSON).content("{\"tag\":\" \"}"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("tag"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
    }

    @Test
    void aParameterOfTheWrongTypeIsABadRequest() throws Exception {
        problem(get("/videos/not-a-uuid"), 400)
                .andExpect(jsonPath("$.detail").value(
                        "Invalid value 'not-a-uuid' for parameter 'id'; expected a valid UUID"));
        problem(get("/page").param("size", "many"), 400)
                .andExpect(jsonPath("$.detail").value("Invalid value 'many' for parameter 'size'; expected a number"));
    }

    @Test
    void aBodyThatGrowsPastTheLimitWhileBeingReadIsTooLarge() throws Exception {
        problem(put("/reaction").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"LIKE\",\"note\":\"" + "x".repeat(500) + "\"}"), 413)
                .andExpect(jsonPath("$.detail").value("The request body is larger than the limit of 200 bytes"));
    }

    @Test
    void echoedValuesAreCut() throws Exception {
        problem(put("/reaction").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"" + "Z".repeat(150) + "\"}"), 400)
                .andExpect(jsonPath("$.detail", not(containsString("Z".repeat(65)))));
    }

    private ResultActions problem(org.springframework.test.web.servlet.RequestBuilder request, int status)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}

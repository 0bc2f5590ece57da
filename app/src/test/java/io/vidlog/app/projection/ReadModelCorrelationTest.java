package io.vidlog.app.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelCorrelationTest {

    private final CorrelationDataProvider provider = new ReadModelCorrelation().messageOriginOutsideReadModels();
    private final EventMessage<String> event = GenericEventMessage.<String>asEventMessage("liked")
            .andMetaData(Map.of("traceId", "trace-1"));

    @Test
    void outsideTheReadModelsEventsGiveAxonsCorrelationAndTraceId() {
        Map<String, ?> expected = Map.of("correlationId", event.getIdentifier(), "traceId", "trace-1");

        assertThat(provider.correlationDataFor(event)).isEqualTo(expected);
        assertThat(correlationDataHandling(List.of())).isEqualTo(expected);
    }

    @Test
    void aReadModelsUnitOfWorkGivesNone() {
        assertThat(correlationDataHandling(List.of(ReadModelCorrelation.MARK_READ_MODEL))).isEmpty();
    }

    /** What the provider gives a handler of {@link #event} behind the given interceptors. */
    private Map<String, ?> correlationDataHandling(List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            @SuppressWarnings("unchecked")
            Map<String, ?> data = (Map<String, ?>) new DefaultInterceptorChain<>(unitOfWork, interceptors,
                    message -> provider.correlationDataFor(message)).proceed();
            return data;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            unitOfWork.commit();
        }
    }
}

package io.vidlog.app.projection;

import io.vidlog.projection.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Axon's correlation data ({@link MessageOriginProvider}: the correlation and trace id a command's events and a
 * saga's commands carry), except in the read models' processors.
 * <p>
 * Axon computes the correlation data of every event a processor handles — it builds a result message per event in
 * the handlers' unit of work — which reads and deserializes the event's stored metadata: a tenth of a replaying
 * read model's CPU in a profile. The read models send no messages that could carry it, so their units of work are
 * marked and the provider gives them nothing. Commands, the saga and the Kafka publisher are unchanged.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelCorrelation {

    private static final String READ_MODEL = ReadModelCorrelation.class.getName() + "/readModel";

    /** Marks the unit of work of a read model's processor. */
    static final MessageHandlerInterceptor<EventMessage<?>> MARK_READ_MODEL = (unitOfWork, chain) -> {
        unitOfWork.resources().put(READ_MODEL, Boolean.TRUE);
        return chain.proceed();
    };

    /** Takes the place of Axon's default provider (a bean of the same type it creates only when there is none). */
    @Bean
    CorrelationDataProvider messageOriginOutsideReadModels() {
        MessageOriginProvider origin = new MessageOriginProvider();
        return message -> CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(READ_MODEL)
                ? Map.of() : origin.correlationDataFor(message);
    }

    @Bean
    ConfigurerModule readModelUnitsOfWorkMarked() {
        return configurer -> configurer.eventProcessing(processing -> ProcessingGroups.ALL.forEach(
                group -> processing.registerHandlerInterceptor(group, axon -> MARK_READ_MODEL)));
    }
}

package io.vidlog.projection.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.io.IOException;

/** What the read models share about calling Elasticsearch: its outages and missing index as 503s, hit scores. */
final class ElasticsearchCalls {

    private static final int NOT_FOUND = 404;

    private ElasticsearchCalls() {
    }

    interface Call<T> {
        T run() throws IOException;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new SearchUnavailableException("Elasticsearch did not answer", e);
        } catch (ElasticsearchException e) {
            if (e.status() == NOT_FOUND) {
                throw new SearchUnavailableException("The search index is being built", e);
            }
            throw e;
        }
    }

    static double score(Hit<?> hit) {
        return hit.score() == null ? 0 : hit.score();
    }
}

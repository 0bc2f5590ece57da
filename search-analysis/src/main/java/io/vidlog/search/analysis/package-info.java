/**
 * The components of the Elasticsearch stable plugin {@code vidlog-analysis}. The Elasticsearch distribution that
 * Maven Central serves (the one the local stack runs) has neither the {@code analysis-common} nor the
 * {@code analysis-nori} module, so Vidlog's index analyzers are built from these components, installed in the local
 * stack and in production alike: the same analysis settings give the same tokens everywhere.
 * <p>
 * Every component is listed in {@code src/main/plugin/named_components.json}, which the plugin zip ships so the
 * installer need not scan the classes; {@code NamedComponentsTest} keeps the list and the classes in step.
 */
package io.vidlog.search.analysis;

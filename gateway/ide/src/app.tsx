import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/graphiql.css';

// The IDE talks to the gateway that served it: same origin, no CDN, no internet.
const endpoint = new URL('/graphql', window.location.href).toString();

/** Sends the query with the headers from GraphiQL's Headers tab (e.g. x-api-key). */
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    // Apollo's CSRF prevention wants a header a plain form cannot send.
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...stringHeaders(options?.headers) },
    body: JSON.stringify(params),
  });
  return response.json();
};

function stringHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}

const defaultQuery = `# LMIS Gateway — one graph over the national labour-market systems it federates.
# Press the run button (or Ctrl+Enter). Put an API key in Headers: {"x-api-key": "…"}
{
  occupation(iscoCode: "7212") {
    title(lang: "th")
    parent { title }
    nationalCodes { system code }
    skills { label }
  }
}
`;

const root = document.getElementById('ide');
if (root) createRoot(root).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);

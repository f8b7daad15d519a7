import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';

// The IDE talks to the gateway that served it: same origin, no CDN, no internet.
const endpoint = new URL('/graphql', window.location.href).toString();

async function fetcher(params: unknown): Promise<unknown> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify(params),
  });
  return response.json();
}

const defaultQuery = `# LMIS Gateway — one graph over the labour markets of Indonesia, Malaysia and Thailand.
# Press the run button (or Ctrl+Enter).
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
if (root) createRoot(root).render(<GraphiQL fetcher={fetcher as never} defaultQuery={defaultQuery} />);

/**
 * The analysts' playground: GraphiQL with the saved operations of schema/examples one click away.
 * Bundled at build time and served by the API itself, so it works with no internet access.
 */
import { useEditorContext, useExecutionContext, type GraphiQLPlugin } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './playground.css';

interface Example {
  name: string;
  title: string;
  query: string;
}

const fetcher = createGraphiQLFetcher({ url: `${window.location.origin}/graphql` });

function ExamplesPanel({ examples }: { examples: Example[] }) {
  const editor = useEditorContext({ nonNull: true });
  const execution = useExecutionContext({ nonNull: true });
  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Analyst questions</div>
      <p>
        Pick one to load it, then run it (double-click runs it at once). Mutations need an API key: add it
        under Headers as {'{"Authorization": "Bearer <key>"}'}.
      </p>
      <p>
        Also: the <a href="/explorer">graph explorer</a>, and <a href="/review">review an article</a> to draft
        its facts for import.
      </p>
      <ul>
        {examples.map((example) => (
          <li key={example.name}>
            <button
              type="button"
              data-example={example.name}
              onClick={() => {
                editor.queryEditor?.setValue(example.query);
                editor.variableEditor?.setValue('');
              }}
              onDoubleClick={() => execution.run()}
            >
              {example.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path d="M4 5h16M4 12h16M4 19h10" stroke="currentColor" strokeWidth="2" fill="none" />
    </svg>
  );
}

function Playground() {
  const [examples, setExamples] = useState<Example[] | undefined>();
  useEffect(() => {
    fetch('/playground/examples.json')
      .then((response) => response.json() as Promise<Example[]>)
      .then(setExamples, () => setExamples([]));
  }, []);
  if (!examples) return <div className="loading">Loading…</div>;
  const plugin: GraphiQLPlugin = {
    title: 'Examples',
    icon: ExamplesIcon,
    content: () => <ExamplesPanel examples={examples} />,
  };
  const first = examples.find((example) => example.name === 'who-stressed-us-involvement') ?? examples[0];
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[plugin]}
      defaultQuery={first?.query}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    />
  );
}

createRoot(document.getElementById('playground')!).render(<Playground />);

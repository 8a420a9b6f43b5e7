// A plain-JavaScript CommonJS consumer of the installed package: a conversation, a message, a refused record.
const { InvalidRecordError, LLMAnalytics } = require('@llm-analytics/sdk');

async function main() {
  const analytics = new LLMAnalytics({ baseUrl: process.env.LLA_URL, apiKey: process.env.LLA_KEY });
  const conversation = analytics.conversation({ user_id: 'u-cjs' });
  const message = analytics.message({ conversation_id: conversation, role: 'user', content: 'from require' });
  let refused = null;
  try {
    analytics.evaluation({ message_id: message, rating: 7 });
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    refused = error.issues;
  }
  await analytics.shutdown();
  console.log(
    JSON.stringify({ conversations: [conversation], messages: [message], evaluations: [], refused }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

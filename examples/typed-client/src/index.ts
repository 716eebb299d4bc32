export { execute, GraphQLRequestError, type ClientOptions, type Transport } from './transport.js';
export { loadCustomer360, Customer360Document, type Customer360View } from './customer-360.js';
export { loadManagerBook, ManagerBookDocument, type ManagerBookView } from './manager-book.js';
export { placeOrder, PlaceOrderDocument, type PlaceOrderOutcome } from './place-order.js';

# Products: the ones the user holds a license for, by name, with license counts that match the licenses.
import collections

import harness


class ProductListTest(harness.PortalTestCase):
    demo_users = 2

    def test_products_are_those_of_the_users_licenses_with_counts(self):
        api = self.login()
        resp = api.get("/products")
        self.assertStatus(resp, 200)
        body = resp.json
        self.assertIsNone(body["next_cursor"])
        self.assertEqual(body["total"], len(body["items"]))
        licenses, _ = api.list_all("/licenses")
        counts = collections.Counter(x["product"]["id"] for x in licenses)
        names = {x["product"]["id"]: x["product"]["name"] for x in licenses}
        self.assertEqual({x["id"]: x["licenses"] for x in body["items"]}, dict(counts))
        for item in body["items"]:
            self.assertEqual(item["name"], names[item["id"]])
        order = [x["name"].lower() for x in body["items"]]
        self.assertEqual(order, sorted(order))

    def test_product_filter_takes_the_listed_id(self):
        api = self.login()
        product = api.get("/products").json["items"][0]
        items, totals = api.list_all("/licenses", {"product": product["id"]})
        self.assertEqual(totals[0], product["licenses"])
        self.assertEqual({x["product"]["id"] for x in items}, {product["id"]})

    def test_revalidates_and_needs_a_token(self):
        self.assertRevalidates(self.login(), "/products")
        self.assertError(self.client().get("/products", auth=False, rejected_by_contract=True), 401,
                         "unauthenticated")

    def test_a_user_without_licenses_has_no_products(self):
        self.portal.add_user("empty@example.com", harness.ADDED_PASSWORD, "Empty")
        body = self.portal.login("empty@example.com", harness.ADDED_PASSWORD).get("/products").json
        self.assertEqual(body, {"items": [], "next_cursor": None, "total": 0})
